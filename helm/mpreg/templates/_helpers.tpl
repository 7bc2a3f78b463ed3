{{/* Chart name, overridable. */}}
{{- define "mpreg.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every resource name: <release>-mpreg, or the release name when it already says mpreg. */}}
{{- define "mpreg.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "mpreg.headlessServiceName" -}}
{{- printf "%s-headless" (include "mpreg.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "mpreg.adminName" -}}
{{- printf "%s-admin" (include "mpreg.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "mpreg.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "mpreg.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "mpreg.labels" -}}
app.kubernetes.io/name: {{ include "mpreg.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{ include "mpreg.releaseLabels" . }}
{{- end }}

{{/* Labels that may change on upgrade, so never part of a selector. */}}
{{- define "mpreg.releaseLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: mpreg
{{- end }}

{{/* Selector of the server pods; never changes across upgrades. */}}
{{- define "mpreg.server.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mpreg.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end }}

{{/* Selector of the admin pods; never changes across upgrades. */}}
{{- define "mpreg.admin.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mpreg.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: admin
{{- end }}

{{/* Cluster id: the configured one, else the full name. */}}
{{- define "mpreg.clusterId" -}}
{{- default (include "mpreg.fullname" .) .Values.cluster.id }}
{{- end }}

{{/* DNS name of the headless Service; resolves to every server pod, ready or not. */}}
{{- define "mpreg.seedHost" -}}
{{- printf "%s.%s.svc.%s" (include "mpreg.headlessServiceName" .) .Release.Namespace .Values.clusterDomain }}
{{- end }}

{{/* Seeds: the configured URLs, else one WebSocket URL on the headless Service. */}}
{{- define "mpreg.clusterSeeds" -}}
{{- if .Values.cluster.seeds }}
{{- join "," .Values.cluster.seeds }}
{{- else }}
{{- printf "ws://%s:%d/mpreg" (include "mpreg.seedHost" .) (int .Values.server.port) }}
{{- end }}
{{- end }}

{{- define "mpreg.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .image.tag) }}
{{- end }}

{{/* Pod-level security: never root. */}}
{{- define "mpreg.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.securityContext.runAsUser }}
runAsGroup: {{ .Values.securityContext.runAsGroup }}
fsGroup: {{ .Values.securityContext.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Container-level security: read-only root filesystem, no privilege escalation, no capabilities. */}}
{{- define "mpreg.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.securityContext.runAsUser }}
runAsGroup: {{ .Values.securityContext.runAsGroup }}
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop:
    - ALL
{{- end }}

{{/*
Spring Boot settings shared by both apps: Actuator probes and Prometheus on the
app's own port, graceful shutdown. Fails when values would move management to
another port, since the probes and the ServiceMonitor use the app port.
*/}}
{{- define "mpreg.springConfig" -}}
{{- $defaults := dict
  "server" (dict "port" .port "shutdown" "graceful")
  "spring" (dict "lifecycle" (dict "timeout-per-shutdown-phase" (printf "%ds" (int .shutdownSeconds))))
  "management" (dict
    "endpoint" (dict "health" (dict "probes" (dict "enabled" true)))
    "endpoints" (dict "web" (dict "exposure" (dict "include" "health,info,prometheus"))))
}}
{{- $config := mustMergeOverwrite $defaults (deepCopy .extra) }}
{{- $managementPort := dig "management" "server" "port" "" $config }}
{{- if and $managementPort (ne (toString $managementPort) (toString .port)) }}
{{- fail (printf "management.server.port %v differs from the app port %v: probes and metrics are served on the app port" $managementPort .port) }}
{{- end }}
{{- if ne (toString (dig "server" "port" "" $config)) (toString .port) }}
{{- fail "set the port with server.port / admin.port, not in config" }}
{{- end }}
{{- toYaml $config }}
{{- end }}
