package dev.cfcheck.probes.cfapi;

/** A call to the API that gave no usable result; carries the problem as the card will word it. */
final class ApiException extends RuntimeException {

    private final transient ApiProblem problem;

    ApiException(ApiProblem problem) {
        super(problem.line(), null, false, false); // no stack trace: it is an answer, not a bug
        this.problem = problem;
    }

    ApiProblem problem() {
        return problem;
    }
}
