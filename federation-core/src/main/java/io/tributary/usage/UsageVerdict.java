package io.tributary.usage;

import io.tributary.view.DeployVerdict;
import java.util.List;

/**
 * {@code check}'s verdict with the usage of the window beside it: a breaking change that breaks operations clients
 * sent is breaking; one that breaks none of them is safe in practice; when the window saw no operation at all there is
 * nothing to say it is unused, and a breaking change stays breaking.
 *
 * @param seen   the operations seen in the window
 * @param broken the seen operations the deploy breaks
 */
public record UsageVerdict(DeployVerdict deploy, List<OperationTotal> seen, List<UsageImpact.BrokenOperation> broken) {

    /** The verdict in one word, worst first. */
    public enum Kind {
        /** The catalog cannot be composed into the graph. */
        NOT_COMPOSABLE(2),
        /** Lint errors would keep the new graph from being served. */
        BLOCKED(3),
        /** Operations clients sent would break (or a breaking change with no usage seen to clear it). */
        BREAKING(1),
        /** Breaking changes, but no operation seen in the window uses what they change. */
        SAFE_IN_PRACTICE(4),
        /** Nothing stands in the way. */
        SAFE(0);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The exit code of {@code check} for this verdict. */
        public int exitCode() {
            return exitCode;
        }
    }

    public UsageVerdict {
        seen = List.copyOf(seen);
        broken = List.copyOf(broken);
    }

    /** Judges a deploy against the operations of the window. */
    public static UsageVerdict of(DeployVerdict deploy, List<OperationTotal> seen) {
        List<UsageImpact.BrokenOperation> broken = deploy.next().flatMap(next -> deploy.before()
                .map(before -> UsageImpact.broken(before.sdl(), next.sdl(), seen))).orElse(List.of());
        return new UsageVerdict(deploy, seen, broken);
    }

    public Kind kind() {
        return switch (deploy.kind()) {
            case NOT_COMPOSABLE -> Kind.NOT_COMPOSABLE;
            case BLOCKED -> Kind.BLOCKED;
            case BREAKING -> !broken.isEmpty() || seen.isEmpty() ? Kind.BREAKING : Kind.SAFE_IN_PRACTICE;
            case SAFE -> broken.isEmpty() ? Kind.SAFE : Kind.BREAKING;
        };
    }
}
