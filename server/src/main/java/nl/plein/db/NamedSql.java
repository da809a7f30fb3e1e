package nl.plein.db;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A statement written with named parameters ({@code :project}, {@code :eps}), as the longer
 * analysis statements are for readability, turned into a positional one; {@link #bind} puts the
 * values in the order the names occur. Comments are dropped first, since they may name parameters
 * too; a name that has no value is a programming error and fails at once.
 */
public record NamedSql(String sql, List<String> parameters) {
    private static final Pattern NAMED = Pattern.compile("(?<!:):([a-z]+)\\b");

    public static NamedSql of(String named) {
        String text = named.replaceAll("--[^\n]*", "");
        return new NamedSql(NAMED.matcher(text).replaceAll("?"),
                NAMED.matcher(text).results().map(m -> m.group(1)).toList());
    }

    public Object[] bind(Map<String, Object> values) {
        return parameters.stream().map(name -> {
            if (!values.containsKey(name)) {
                throw new IllegalStateException("the statement names an unknown parameter :" + name);
            }
            return values.get(name);
        }).toArray();
    }
}
