#!/usr/bin/env bash
# End-to-end RPC round trip: MPREG's `echo` over WebSocket against NATS
# request-reply (and a bare TCP echo as the floor), measured in the same run,
# interleaved, on 127.0.0.1.
#
# Usage (from anywhere):  mpreg-benchmarks/run-load.sh
# Settings (environment): ROUNDS=3 DURATION=20s WARMUP=5s PAYLOAD_BYTES=16
#   IN_FLIGHT="1 64"   SKIP_BUILD=1 (reuse the last build)
#   TARGETS="mpreg mpreg-node nats tcp": mpreg is the server app (Spring WebFlux),
#     mpreg-node a core MpregNode without Spring, tcp a bare loopback echo (the floor)
#   SERVER_JAVA_OPTS   extra JVM options for the MPREG node (e.g. JFR settings)
#   LOADGEN_JAVA_OPTS  extra JVM options for the load generator
#   KEEP_LOGS=1        keep the work directory with all logs and raw results
#   MODES="rpc pubsub" which measurements to run
#   SUBSCRIBERS="1 10" pub/sub: one publisher to this many subscribers (wildcard when more than one)
#   PUBSUB_PAYLOAD_BYTES=100 PUBSUB_WINDOW=10000 (publisher at most this many messages ahead of the slowest)
#   PUBSUB_WARMUP=20s  pub/sub warm-up: 10 s in, C2 still took a third of the node's CPU
#   Pub/sub lines also give the CPU time per delivered message of the server process and of the load generator.
# Prints one RESULT line per run, then a table of medians and the MPREG/NATS ratio.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
PAYLOAD_BYTES=${PAYLOAD_BYTES:-16}
IN_FLIGHT=${IN_FLIGHT:-"1 64"}
MODES=${MODES:-"rpc pubsub"}
SUBSCRIBERS=${SUBSCRIBERS:-"1 10"}
PUBSUB_PAYLOAD_BYTES=${PUBSUB_PAYLOAD_BYTES:-100}
PUBSUB_WINDOW=${PUBSUB_WINDOW:-10000}
PUBSUB_WARMUP=${PUBSUB_WARMUP:-20s}
TARGETS=${TARGETS:-"mpreg mpreg-node nats tcp"}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
LOADGEN_JAVA_OPTS=${LOADGEN_JAVA_OPTS:-}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d -t mpreg-load.XXXXXX)
PIDS=()

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [[ "${KEEP_LOGS:-0}" == 1 ]]; then
        echo "logs kept in $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[run-load] $*" >&2; }

# A port nothing listens on (bash's /dev/tcp connect fails), picked at random.
free_port() {
    local port
    while true; do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}

# wait_until <seconds> <description> <command...>: polls the command every 0.2 s.
wait_until() {
    local seconds=$1 what=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if ((SECONDS >= deadline)); then
            log "timed out after ${seconds}s waiting for $what"
            return 1
        fi
        sleep 0.2
    done
}

cd "$ROOT"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building mpreg-server-app and mpreg-benchmarks"
    ./mvnw -q -B -pl mpreg-server-app,mpreg-benchmarks -am package -DskipTests
fi
CLASSPATH_FILE=mpreg-benchmarks/target/classpath.txt
BENCH_CP="mpreg-benchmarks/target/classes:$(cat "$CLASSPATH_FILE")"
SERVER_JAR=$(ls mpreg-server-app/target/mpreg-server-app-*.jar 2>/dev/null | grep -v -e '\.original$' -e '-tests\.jar$' | head -n 1 || true)
if [[ -z "$SERVER_JAR" && " $TARGETS " == *" mpreg "* ]]; then
    log "no mpreg-server-app jar was built"
    exit 1
fi

if ! command -v nats-server >/dev/null 2>&1; then
    log "installing nats-server from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >/dev/null
fi

NATS_PORT=$(free_port)
log "starting nats-server on 127.0.0.1:$NATS_PORT"
nats-server -a 127.0.0.1 -p "$NATS_PORT" >"$WORK/nats-server.log" 2>&1 &
NATS_PID=$!
PIDS+=($NATS_PID)
wait_until 20 "nats-server" bash -c "exec 3<>/dev/tcp/127.0.0.1/$NATS_PORT"

log "starting the NATS echo responder (its own JVM, as the MPREG node is)"
java -cp "$BENCH_CP" io.mpreg.benchmarks.load.NatsEchoResponder "nats://127.0.0.1:$NATS_PORT" \
    >"$WORK/nats-responder.log" 2>&1 &
PIDS+=($!)
wait_until 60 "the NATS responder" grep -q '^READY' "$WORK/nats-responder.log"

TCP_PORT=""
if [[ " $TARGETS " == *" tcp "* ]]; then
    TCP_PORT=$(free_port)
    log "starting the bare TCP echo server on 127.0.0.1:$TCP_PORT"
    java -cp "$BENCH_CP" io.mpreg.benchmarks.load.TcpEchoServer "$TCP_PORT" >"$WORK/tcp-echo.log" 2>&1 &
    PIDS+=($!)
    wait_until 60 "the TCP echo server" grep -q '^READY' "$WORK/tcp-echo.log"
fi

NODE_PORT=""
if [[ " $TARGETS " == *" mpreg-node "* ]]; then
    NODE_PORT=$(free_port)
    log "starting a core MpregNode (no Spring) on 127.0.0.1:$NODE_PORT"
    # shellcheck disable=SC2086 # SERVER_JAVA_OPTS is a list of options
    java $SERVER_JAVA_OPTS -cp "$BENCH_CP" io.mpreg.benchmarks.load.MpregNodeServer "$NODE_PORT" \
        >"$WORK/mpreg-node.log" 2>&1 &
    NODE_PID=$!
    PIDS+=($NODE_PID)
    wait_until 60 "the core MpregNode" grep -q '^READY' "$WORK/mpreg-node.log"
fi

MPREG_PORT=""
if [[ " $TARGETS " == *" mpreg "* ]]; then
    MPREG_PORT=$(free_port)
    log "starting $SERVER_JAR on 127.0.0.1:$MPREG_PORT"
    # shellcheck disable=SC2086 # SERVER_JAVA_OPTS is a list of options
    java $SERVER_JAVA_OPTS -jar "$SERVER_JAR" --server.address=127.0.0.1 --server.port="$MPREG_PORT" \
        >"$WORK/mpreg-server.log" 2>&1 &
    MPREG_PID=$!
    PIDS+=($MPREG_PID)
    # Readiness probe if the node exposes it, else overall health.
    mpreg_ready() {
        curl -fsS "http://127.0.0.1:$MPREG_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' \
            || curl -fsS "http://127.0.0.1:$MPREG_PORT/actuator/health" 2>/dev/null | grep -q '"UP"'
    }
    if ! wait_until 120 "MPREG readiness" mpreg_ready; then
        tail -n 30 "$WORK/mpreg-server.log" >&2
        exit 1
    fi
fi

# awk functions both result tables use: a field of a RESULT line, and the median of a list.
AWK_RESULT_FUNCTIONS='
function field(name,    i, kv) {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] }
    return ""
}
function median(list,    values, n, i, j, t) {
    n = split(list, values, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
        if (values[j] + 0 < values[i] + 0) { t = values[i]; values[i] = values[j]; values[j] = t }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
}
'

url_of() {
    case $1 in
        mpreg) echo "ws://127.0.0.1:$MPREG_PORT/mpreg" ;;
        mpreg-node) echo "ws://127.0.0.1:$NODE_PORT/mpreg" ;;
        nats) echo "nats://127.0.0.1:$NATS_PORT" ;;
        tcp) echo "tcp://127.0.0.1:$TCP_PORT" ;;
    esac
}

# The process serving a target, so the pub/sub runs can read its CPU time.
pid_of() {
    case $1 in
        mpreg) echo "$MPREG_PID" ;;
        mpreg-node) echo "$NODE_PID" ;;
        nats) echo "$NATS_PID" ;;
    esac
}

RESULTS="$WORK/results.txt"
: >"$RESULTS"
PUBSUB_RESULTS="$WORK/pubsub-results.txt"
: >"$PUBSUB_RESULTS"
if [[ " $MODES " == *" pubsub "* ]]; then
    for round in $(seq 1 "$ROUNDS"); do
        for subscribers in $SUBSCRIBERS; do
            for target in $TARGETS; do
                [[ $target == tcp ]] && continue
                log "round $round/$ROUNDS: pub/sub on $target, 1 -> $subscribers"
                # shellcheck disable=SC2086 # LOADGEN_JAVA_OPTS is a list of options
                line=$(java $LOADGEN_JAVA_OPTS -cp "$BENCH_CP" io.mpreg.benchmarks.load.PubSubLoadGenerator \
                    --target "${target%-node}" --url "$(url_of "$target")" --subscribers "$subscribers" \
                    --duration "$DURATION" --warmup "$PUBSUB_WARMUP" --payload-bytes "$PUBSUB_PAYLOAD_BYTES" \
                    --window "$PUBSUB_WINDOW" --server-pid "$(pid_of "$target")" 2>>"$WORK/loadgen.log" \
                    | grep '^RESULT' || true)
                if [[ -z "$line" ]]; then
                    log "the pub/sub run on $target failed; see the log below"
                    tail -n 20 "$WORK/loadgen.log" >&2
                    exit 1
                fi
                echo "${line/target=${target%-node} /target=$target } round=$round" | tee -a "$PUBSUB_RESULTS"
            done
        done
    done
    echo
    awk -v rounds="$ROUNDS" -v payload="$PUBSUB_PAYLOAD_BYTES" "$AWK_RESULT_FUNCTIONS"'
    /^RESULT/ {
        key = field("target") SUBSEP field("subscribers")
        if (!(key in seen)) { seen[key] = 1; order[++count] = key }
        delivered[key] = delivered[key] " " field("delivered_per_s")
        serverCpu[key] = serverCpu[key] " " field("server_cpu_us_per_msg")
        clientCpu[key] = clientCpu[key] " " field("client_cpu_us_per_msg")
    }
    END {
        printf "Pub/sub, medians of %d rounds, %d-byte payload, one publisher\n", rounds, payload
        printf "(CPU: microseconds of CPU time per delivered message, server process and load generator)\n"
        printf "%-10s %11s %16s %10s %14s %14s %14s\n", "target", "subscribers", "delivered/s", "vs_nats",
            "server_cpu_us", "client_cpu_us", "server_cpu_vs_nats"
        for (k = 1; k <= count; k++) {
            split(order[k], parts, SUBSEP)
            m = median(delivered[order[k]])
            natsKey = "nats" SUBSEP parts[2]
            ratio = (natsKey in delivered) ? sprintf("%.3f", m / median(delivered[natsKey])) : "-"
            s = median(serverCpu[order[k]])
            c = median(clientCpu[order[k]])
            cpuRatio = (natsKey in serverCpu && median(serverCpu[natsKey]) > 0) \
                ? sprintf("%.1f", s / median(serverCpu[natsKey])) : "-"
            printf "%-10s %11s %16.0f %10s %14.3f %14.3f %14s\n", parts[1], parts[2], m, ratio, s, c, cpuRatio
        }
    }' "$PUBSUB_RESULTS"
    echo
fi

[[ " $MODES " == *" rpc "* ]] || exit 0
for round in $(seq 1 "$ROUNDS"); do
    for in_flight in $IN_FLIGHT; do
        for target in $TARGETS; do
            log "round $round/$ROUNDS: $target, $in_flight in flight"
            # shellcheck disable=SC2086 # LOADGEN_JAVA_OPTS is a list of options
            line=$(java $LOADGEN_JAVA_OPTS -cp "$BENCH_CP" io.mpreg.benchmarks.load.LoadGenerator \
                --target "${target%-node}" --url "$(url_of "$target")" --in-flight "$in_flight" \
                --duration "$DURATION" --warmup "$WARMUP" --payload-bytes "$PAYLOAD_BYTES" \
                2>>"$WORK/loadgen.log" | grep '^RESULT' || true)
            if [[ -z "$line" ]]; then
                log "the $target run failed; see the log below"
                tail -n 20 "$WORK/loadgen.log" >&2
                exit 1
            fi
            # The core node speaks the same protocol: relabel its lines.
            echo "${line/target=${target%-node} /target=$target } round=$round" | tee -a "$RESULTS"
        done
    done
done

if [[ -n "$SERVER_JAVA_OPTS" && -n "$MPREG_PORT" ]]; then
    log "MPREG node options: $SERVER_JAVA_OPTS (pid $MPREG_PID)"
fi

# Table of medians over the rounds, and MPREG's throughput as a ratio of NATS's.
echo
awk -v rounds="$ROUNDS" -v payload="$PAYLOAD_BYTES" "$AWK_RESULT_FUNCTIONS"'
/^RESULT/ {
    key = field("target") SUBSEP field("in_flight")
    if (!(key in seen)) { seen[key] = 1; order[++count] = key }
    rps[key] = rps[key] " " field("requests_per_s")
    p50[key] = p50[key] " " field("p50_us")
    p99[key] = p99[key] " " field("p99_us")
    p999[key] = p999[key] " " field("p999_us")
}
END {
    printf "Medians of %d rounds, %d-byte payload\n", rounds, payload
    printf "%-10s %9s %12s %10s %10s %10s %12s\n", "target", "in_flight", "requests/s", "p50_us", "p99_us", "p999_us", "rps_vs_nats"
    for (k = 1; k <= count; k++) {
        split(order[k], parts, SUBSEP)
        m = median(rps[order[k]])
        natsKey = "nats" SUBSEP parts[2]
        ratio = (natsKey in rps) ? sprintf("%.2f", m / median(rps[natsKey])) : "-"
        printf "%-10s %9s %12.0f %10.1f %10.1f %10.1f %12s\n", parts[1], parts[2], m,
            median(p50[order[k]]), median(p99[order[k]]), median(p999[order[k]]), ratio
    }
}' "$RESULTS"
