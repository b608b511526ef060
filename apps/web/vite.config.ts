import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The API server (apps/server) listens on 8000 in development; in production it serves dist/ itself.
const apiServer = 'http://localhost:8000';

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // A `.br` and a `.gz` beside every text file of the build, at the plugin's default highest levels
    // (brotli 11, gzip 9: paid once, at build time). The server sends the variant the browser accepts
    // (apps/server/src/features/web/static.ts). A variant that would not be smaller is not written.
    compression({
      include: /\.(js|css|html|svg|json)$/,
      algorithms: ['brotliCompress', 'gzip'],
    }),
  ],
  server: {
    proxy: {
      '/api': apiServer,
      '/ping': apiServer,
      '/ready': apiServer,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // ECharts is large and only needed by the chart pages: keep it in its own lazily loaded chunk.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 1 },
            // zod and the shared DTO schemas, needed by every page that talks to the API.
            { name: 'contracts', test: /node_modules[\\/]zod[\\/]|packages[\\/]contracts[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
