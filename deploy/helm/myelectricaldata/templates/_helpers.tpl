{{- define "med.fullname" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "med.labels" -}}
app.kubernetes.io/name: myelectricaldata
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "med.selector" -}}
app.kubernetes.io/name: myelectricaldata
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end -}}

{{/* The bundled PostgreSQL's password: the value, else the one already in the cluster, else a new one. */}}
{{- define "med.postgresPassword" -}}
{{- if .Values.postgresql.password -}}
{{- .Values.postgresql.password -}}
{{- else -}}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (printf "%s-postgresql" (include "med.fullname" .)) -}}
{{- if $existing -}}
{{- index $existing.data "POSTGRES_PASSWORD" | b64dec -}}
{{- else -}}
{{- randAlphaNum 32 -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "med.redisUrl" -}}
{{- if .Values.valkey.enabled -}}
redis://{{ include "med.fullname" . }}-valkey:6379
{{- else -}}
{{- required "externalValkey.url is required when valkey.enabled is false" .Values.externalValkey.url -}}
{{- end -}}
{{- end -}}
