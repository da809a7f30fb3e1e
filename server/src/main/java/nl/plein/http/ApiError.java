package nl.plein.http;

import java.util.List;

/**
 * Every failure a client can cause or meet, as one exception type. {@link Problems} turns it into
 * an RFC 9457 problem document; nothing else reaches the client.
 */
public final class ApiError extends RuntimeException {
    /** One offending input: its path in the request (e.g. {@code properties.title}) and what is wrong. */
    public record FieldError(String field, String detail) {
        public String pointer() {
            return "/" + field.replace("~", "~0").replace("/", "~1").replace('.', '/').replaceAll("\\[(\\d+)]", "/$1");
        }
    }

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    private ApiError(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiError invalid(String field, String detail) {
        return new ApiError(400, "invalid-input", "Invalid input", field + ": " + detail,
                List.of(new FieldError(field, detail)));
    }

    public static ApiError invalid(List<FieldError> errors) {
        var first = errors.get(0);
        String detail = errors.size() == 1 ? first.field() + ": " + first.detail()
                : first.field() + ": " + first.detail() + " (and " + (errors.size() - 1) + " more)";
        return new ApiError(400, "invalid-input", "Invalid input", detail, errors);
    }

    public static ApiError malformedJson(String detail) {
        return new ApiError(400, "malformed-json", "Malformed JSON", detail, List.of(new FieldError("body", detail)));
    }

    public static ApiError unknownParameter(String name, String allowed) {
        String detail = "unknown query parameter; allowed: " + allowed;
        return new ApiError(400, "unknown-parameter", "Unknown query parameter", name + ": " + detail,
                List.of(new FieldError(name, detail)));
    }

    public static ApiError unauthenticated() {
        return new ApiError(401, "unauthenticated", "Sign-in required",
                "Sign in to do this.", List.of());
    }

    public static ApiError badCredentials() {
        return new ApiError(401, "bad-credentials", "Wrong email or password",
                "The email address or password is not right.", List.of());
    }

    public static ApiError forbidden(String detail) {
        return new ApiError(403, "forbidden", "Not allowed", detail, List.of());
    }

    public static ApiError notFound(String what) {
        return new ApiError(404, "not-found", "Not found", what + " does not exist.", List.of());
    }

    public static ApiError conflict(String field, String detail) {
        return new ApiError(409, "conflict", "Conflict", field + ": " + detail, List.of(new FieldError(field, detail)));
    }

    /** Well-formed input that cannot be used as it is, such as a pin outside the project's area. */
    public static ApiError unprocessable(String field, String detail) {
        return new ApiError(422, "unprocessable", "Unprocessable input", field + ": " + detail,
                List.of(new FieldError(field, detail)));
    }

    public static ApiError tooLarge(long limit) {
        return new ApiError(413, "body-too-large", "Request body too large",
                "The request body is larger than the limit of " + limit + " bytes.",
                List.of(new FieldError("body", "larger than " + limit + " bytes")));
    }

    /** A part of the body (an uploaded file) larger than its own limit, named by its field. */
    public static ApiError tooLarge(String field, long limit) {
        return new ApiError(413, "body-too-large", "Request body too large",
                field + ": larger than the limit of " + limit + " bytes",
                List.of(new FieldError(field, "larger than " + limit + " bytes")));
    }

    /** A body or file of a kind this route does not take, named by its field. */
    public static ApiError unsupportedMediaType(String field, String detail) {
        return new ApiError(415, "unsupported-media-type", "Unsupported media type", field + ": " + detail,
                List.of(new FieldError(field, detail)));
    }

    public static ApiError unsupportedMediaType(String got) {
        String detail = "send the body as application/json (or application/geo+json), not " + got;
        return new ApiError(415, "unsupported-media-type", "Unsupported media type", detail,
                List.of(new FieldError("Content-Type", detail)));
    }

    /** A feature this server has switched off in its configuration. */
    public static ApiError switchedOff(String detail) {
        return new ApiError(404, "switched-off", "Switched off", detail, List.of());
    }

    /** A service Plein relies on for this request did not answer usefully. */
    public static ApiError upstreamUnavailable(String detail) {
        return new ApiError(502, "upstream-unavailable", "Service unavailable", detail, List.of());
    }

    /** An analysis that ran past its time limit; narrower parameters may succeed. */
    public static ApiError tookTooLong(String detail) {
        return new ApiError(503, "took-too-long", "Took too long", detail, List.of());
    }

    public static ApiError tooManyRequests(String detail) {
        return new ApiError(429, "too-many-requests", "Too many requests", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
