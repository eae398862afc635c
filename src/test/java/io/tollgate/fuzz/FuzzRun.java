package io.tollgate.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sends a seeded stream of malformed requests to one server and tallies the answers by class and by family. */
public final class FuzzRun {
    private static final int EXAMPLES_PER_RULE = 4;

    private final RawHttp http;
    private final MalformedRequests requests;

    public FuzzRun(URI baseUrl, long seed, FuzzCredentials credentials, Duration timeout) {
        this.http = new RawHttp(baseUrl, (int) timeout.toMillis());
        this.requests = new MalformedRequests(seed, credentials);
    }

    /** The counts of one run and the first failures, enough to reproduce each by eye. */
    public record Result(int sent, Map<String, Integer> byClass, Map<String, Integer> byStatus,
                         Map<String, Integer> byFamily, Map<String, Integer> failuresByRule, List<String> examples,
                         Duration elapsed) {
        public int failures() {
            return failuresByRule.values().stream().mapToInt(Integer::intValue).sum();
        }

        public void print(PrintStream out) {
            out.printf("requests: %d in %.1f s (%.0f/s)%n", sent, elapsed.toMillis() / 1000.0,
                    sent * 1000.0 / Math.max(1, elapsed.toMillis()));
            out.println("by class:  " + byClass);
            out.println("by status: " + byStatus);
            out.println("by family: " + byFamily);
            out.println("failures:  " + (failuresByRule.isEmpty() ? "none" : failuresByRule));
            examples.forEach(example -> out.println("  " + example));
        }
    }

    public Result run(int count) throws IOException {
        Map<String, Integer> byClass = new TreeMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byFamily = new TreeMap<>();
        Map<String, Integer> failures = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            FuzzRequest request = requests.next();
            RawHttp.Reply reply = http.exchange(request.wire(http.hostHeader()), request.halfClose());
            byClass.merge(Verdict.classOf(reply), 1, Integer::sum);
            byStatus.merge(Integer.toString(reply.status()), 1, Integer::sum);
            byFamily.merge(request.family(), 1, Integer::sum);
            for (String problem : Verdict.problems(request, reply)) {
                if (failures.merge(problem, 1, Integer::sum) <= EXAMPLES_PER_RULE) {
                    String body = FuzzRequest.printable(reply.text());
                    examples.add("#" + i + " " + problem + " <- " + request.describe() + " => " + reply.status() + " "
                            + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
                }
            }
        }
        return new Result(count, byClass, byStatus, byFamily, failures, examples,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
