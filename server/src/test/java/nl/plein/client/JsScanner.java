package nl.plein.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Just enough of a JavaScript reader to measure the client's functions and list its imports:
 * tokens with their line, where strings, template literals (and the expressions inside them),
 * regular expression literals and comments are read as what they are, so that a brace or a
 * quote inside them is not taken for code. Brackets are matched; anything it cannot read
 * (an unterminated string, an unbalanced bracket) is an error rather than a guess.
 */
final class JsScanner {

    enum Kind { NAME, NUMBER, STRING, REGEX, PUNCT, TEMPLATE, TEMPLATE_HEAD, TEMPLATE_MIDDLE, TEMPLATE_TAIL }

    record Token(Kind kind, String text, int line) {
        boolean is(String s) {
            return (kind == Kind.PUNCT || kind == Kind.NAME) && text.equals(s);
        }
    }

    /** A function from the line it starts on (its name, `function`, or its arrow's parameters) to its last line. */
    record Function(String name, int startLine, int endLine) {
        int lines() {
            return endLine - startLine + 1;
        }
    }

    /** The words after which a slash starts a regular expression rather than dividing. */
    private static final Set<String> BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in", "of", "new",
            "delete", "void", "throw", "case", "do", "else", "yield", "await");
    /** The words whose parenthesis and brace make a block, not a function. */
    private static final Set<String> CONTROL = Set.of("if", "for", "while", "switch", "catch", "with");

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int[] match;
    private int pos;
    private int line = 1;

    private JsScanner(String source) {
        this.source = source;
    }

    static JsScanner scan(String source) {
        JsScanner scanner = new JsScanner(source);
        scanner.tokenize();
        scanner.matchBrackets();
        return scanner;
    }

    List<Token> tokens() {
        return tokens;
    }

    // ——— tokens ———

    private void tokenize() {
        // '{' of a block or object, or '$' for the '${' of a template literal's expression.
        Deque<Character> braces = new ArrayDeque<>();
        while (pos < source.length()) {
            char c = source.charAt(pos);
            char next = pos + 1 < source.length() ? source.charAt(pos + 1) : '\0';
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && next == '/') {
                while (pos < source.length() && source.charAt(pos) != '\n') pos++;
            } else if (c == '/' && next == '*') {
                int end = source.indexOf("*/", pos + 2);
                if (end < 0) throw error("unterminated comment");
                advanceTo(end + 2);
            } else if (c == '\'' || c == '"') {
                string(c);
            } else if (c == '`') {
                pos++;
                template(line, "`", braces);
            } else if (c == '}' && !braces.isEmpty() && braces.peek() == '$') {
                braces.pop();
                pos++;
                template(line, "}", braces);
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = pos;
                while (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) pos++;
                add(Kind.NAME, source.substring(start, pos), line);
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(next))) {
                int start = pos;
                while (pos < source.length() && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '.'
                        || source.charAt(pos) == '_')) pos++;
                add(Kind.NUMBER, source.substring(start, pos), line);
            } else if (c == '/' && regexMayStart()) {
                regex();
            } else {
                punctuation(c, next, braces);
            }
        }
        if (!braces.isEmpty()) throw error("unclosed brace or template expression");
    }

    private void punctuation(char c, char next, Deque<Character> braces) {
        if (c == '=' && next == '>') {
            add(Kind.PUNCT, "=>", line);
            pos += 2;
            return;
        }
        if (c == '.' && source.startsWith("...", pos)) {
            add(Kind.PUNCT, "...", line);
            pos += 3;
            return;
        }
        if (c == '{') braces.push('{');
        if (c == '}') {
            if (braces.isEmpty()) throw error("unbalanced }");
            braces.pop();
        }
        add(Kind.PUNCT, String.valueOf(c), line);
        pos++;
    }

    private void string(char quote) {
        int startLine = line;
        int start = pos++;
        while (true) {
            if (pos >= source.length()) throw error("unterminated string from line " + startLine);
            char c = source.charAt(pos);
            if (c == '\\') {
                if (pos + 1 < source.length() && source.charAt(pos + 1) == '\n') line++;
                pos += 2;
            } else if (c == '\n') {
                throw error("line break in a string from line " + startLine);
            } else {
                pos++;
                if (c == quote) break;
            }
        }
        add(Kind.STRING, source.substring(start, pos), startLine);
    }

    /** Reads a template literal's text up to its end or its next '${' (whose expression is read as code). */
    private void template(int startLine, String opening, Deque<Character> braces) {
        int start = pos;
        while (true) {
            if (pos >= source.length()) throw error("unterminated template literal from line " + startLine);
            char c = source.charAt(pos);
            if (c == '\\') {
                if (pos + 1 < source.length() && source.charAt(pos + 1) == '\n') line++;
                pos += 2;
            } else if (c == '`') {
                pos++;
                String text = opening + source.substring(start, pos);
                add(opening.equals("`") ? Kind.TEMPLATE : Kind.TEMPLATE_TAIL, text, startLine);
                return;
            } else if (c == '$' && pos + 1 < source.length() && source.charAt(pos + 1) == '{') {
                pos += 2;
                braces.push('$');
                String text = opening + source.substring(start, pos);
                add(opening.equals("`") ? Kind.TEMPLATE_HEAD : Kind.TEMPLATE_MIDDLE, text, startLine);
                return;
            } else {
                if (c == '\n') line++;
                pos++;
            }
        }
    }

    /** A slash starts a regular expression where an expression may start: after an operator, '(' or a keyword. */
    private boolean regexMayStart() {
        if (tokens.isEmpty()) return true;
        Token previous = tokens.get(tokens.size() - 1);
        return switch (previous.kind()) {
            case NAME -> BEFORE_EXPRESSION.contains(previous.text());
            case NUMBER, STRING, REGEX, TEMPLATE, TEMPLATE_TAIL -> false;
            case TEMPLATE_HEAD, TEMPLATE_MIDDLE -> true;
            case PUNCT -> !Set.of(")", "]", "}").contains(previous.text());
        };
    }

    private void regex() {
        int start = pos++;
        boolean inClass = false;
        while (true) {
            if (pos >= source.length() || source.charAt(pos) == '\n') throw error("unterminated regular expression");
            char c = source.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            pos++;
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) break;
        }
        while (pos < source.length() && Character.isLetter(source.charAt(pos))) pos++;
        add(Kind.REGEX, source.substring(start, pos), line);
    }

    private void advanceTo(int end) {
        for (int i = pos; i < end; i++) {
            if (source.charAt(i) == '\n') line++;
        }
        pos = end;
    }

    private void add(Kind kind, String text, int at) {
        tokens.add(new Token(kind, text, at));
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException(what + " (line " + line + ")");
    }

    // ——— brackets ———

    /** match[i]: the index of the bracket (or template end) that closes or opens token i, else -1. */
    private void matchBrackets() {
        match = new int[tokens.size()];
        java.util.Arrays.fill(match, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String text = token.text();
            if (token.kind() == Kind.TEMPLATE_HEAD || token.is("(") || token.is("[") || token.is("{")) {
                open.push(i);
            } else if (token.kind() == Kind.TEMPLATE_MIDDLE) {
                if (open.isEmpty() || tokens.get(open.peek()).kind() != Kind.TEMPLATE_HEAD) throw unbalanced(token);
            } else if (token.kind() == Kind.TEMPLATE_TAIL || token.is(")") || token.is("]") || token.is("}")) {
                if (open.isEmpty()) throw unbalanced(token);
                int opener = open.pop();
                String expected = switch (tokens.get(opener).kind() == Kind.TEMPLATE_HEAD ? "`" : tokens.get(opener).text()) {
                    case "(" -> ")";
                    case "[" -> "]";
                    case "{" -> "}";
                    default -> "`";
                };
                String actual = token.kind() == Kind.TEMPLATE_TAIL ? "`" : text;
                if (!expected.equals(actual)) throw unbalanced(token);
                match[opener] = i;
                match[i] = opener;
            }
        }
        if (!open.isEmpty()) throw unbalanced(tokens.get(open.peek()));
    }

    private static IllegalStateException unbalanced(Token token) {
        return new IllegalStateException("unbalanced " + token.text() + " (line " + token.line() + ")");
    }

    // ——— functions ———

    /** Every function, method and arrow function, nested ones included. */
    List<Function> functions() {
        List<Function> functions = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.is("=>")) {
                functions.add(arrow(i));
            } else if (token.is("{") && i > 0 && tokens.get(i - 1).is(")")) {
                Function function = declared(match[i - 1], match[i]);
                if (function != null) functions.add(function);
            }
        }
        return functions;
    }

    /** `function name(…) {`, `function (…) {`, or a method `name(…) {`; null for `if (…) {` and the like. */
    private Function declared(int paren, int close) {
        if (paren < 1) return null;
        Token before = tokens.get(paren - 1);
        int endLine = tokens.get(close).line();
        if (before.is("function")) return new Function("anonymous function", before.line(), endLine);
        if (before.kind() != Kind.NAME || CONTROL.contains(before.text())) return null;
        int start = paren - 1;
        if (start > 0 && tokens.get(start - 1).is("*")) start--;
        if (start > 0 && tokens.get(start - 1).is("function")) start--;
        return new Function(before.text(), tokens.get(start).line(), endLine);
    }

    private Function arrow(int arrow) {
        int start = arrow - 1;
        if (start < 0) throw new IllegalStateException("=> without parameters (line " + tokens.get(arrow).line() + ")");
        if (tokens.get(start).is(")")) start = match[start];
        if (start > 0 && tokens.get(start - 1).is("async")) start--;
        int end;
        if (arrow + 1 < tokens.size() && tokens.get(arrow + 1).is("{")) {
            end = match[arrow + 1];
        } else {
            end = expressionEnd(arrow + 1);
        }
        return new Function(arrowName(start), tokens.get(start).line(), tokens.get(end).line());
    }

    /** The last token of an arrow's expression body: it ends at a ',' or ';' or a closing bracket outside it. */
    private int expressionEnd(int from) {
        int k = from;
        while (k < tokens.size()) {
            Token token = tokens.get(k);
            if (token.is(",") || token.is(";") || token.is(")") || token.is("]") || token.is("}")
                    || token.kind() == Kind.TEMPLATE_MIDDLE || token.kind() == Kind.TEMPLATE_TAIL) {
                break;
            }
            if (token.is("(") || token.is("[") || token.is("{") || token.kind() == Kind.TEMPLATE_HEAD) k = match[k];
            k++;
        }
        if (k == from) throw new IllegalStateException("=> without a body (line " + tokens.get(from - 1).line() + ")");
        return k - 1;
    }

    /** The name an arrow function is given: `const name = (…) =>` or `name: (…) =>`. */
    private String arrowName(int start) {
        if (start >= 2) {
            Token sign = tokens.get(start - 1);
            Token name = tokens.get(start - 2);
            if ((sign.is("=") || sign.is(":")) && (name.kind() == Kind.NAME || name.kind() == Kind.STRING)) {
                return name.text();
            }
        }
        return "arrow function";
    }

    // ——— imports ———

    /** The specifiers of `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`. */
    List<Token> imports() {
        List<Token> specifiers = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Kind.STRING) continue;
            Token before = tokens.get(i - 1);
            boolean dynamic = before.is("(") && i >= 2 && tokens.get(i - 2).is("import");
            if (before.is("from") || before.is("import") || dynamic) specifiers.add(token);
        }
        return specifiers;
    }
}
