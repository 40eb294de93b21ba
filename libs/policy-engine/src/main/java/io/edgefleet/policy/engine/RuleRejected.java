package io.edgefleet.policy.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rule that cannot be used as written: it does not compile, returns the wrong type or costs too much. */
public class RuleRejected extends Exception {

    private final transient List<Problem> problems;

    public RuleRejected(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static RuleRejected of(String message) {
        return new RuleRejected(List.of(new Problem(message, 0, 0)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One reason, where the rule's source has it.
     *
     * @param line 1-based, 0 when the problem is the whole rule
     * @param column 1-based, 0 when the problem is the whole rule
     */
    public record Problem(String message, int line, int column) {

        @Override
        public String toString() {
            return line == 0 ? message : line + ":" + column + ": " + message;
        }
    }
}
