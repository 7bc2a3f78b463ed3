package io.mpreg.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.mpreg.core.wire.RpcResponse;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decoding and re-encoding the protocol's three-command request and its reply.
 *
 * <p>Run: {@code ./mvnw -q -pl mpreg-benchmarks -am package -DskipTests &&
 * java -jar mpreg-benchmarks/target/benchmarks.jar CodecBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    static final String REQUEST = """
            {"role": "rpc", "u": "01J9ZQ4X8M2N3P4Q5R6S7T8V9W", "cmds": [
              {"name": "|first",  "fun": "echo",  "args": ["hi there!"], "kwargs": {}, "locs": []},
              {"name": "|second", "fun": "echo",  "args": ["|first"],    "locs": []},
              {"name": "|third",  "fun": "echos", "args": ["|first", "AND ME TOO"], "locs": []}
            ], "timeout": 30.0}""";

    private final WireCodec codec = WireCodec.rpc(JsonMapper.builder().build());
    private final String reply = codec.encode(successReply(codec));

    @Benchmark
    public String requestDecodeAndEncode() {
        return codec.encode(codec.decode(REQUEST));
    }

    @Benchmark
    public WireMessage requestDecode() {
        return codec.decode(REQUEST);
    }

    @Benchmark
    public String replyDecodeAndEncode() {
        return codec.encode(codec.decode(reply));
    }

    private static RpcResponse successReply(WireCodec codec) {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        results.put("|second", codec.mapper().readTree("\"hi there!\""));
        results.put("|third", codec.mapper().readTree("[\"hi there!\", \"AND ME TOO\"]"));
        return RpcResponse.success("01J9ZQ4X8M2N3P4Q5R6S7T8V9W", results);
    }
}
