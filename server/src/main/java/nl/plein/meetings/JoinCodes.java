package nl.plein.meetings;

import nl.plein.http.TypedCode;

/** Join codes: six characters read off a screen and typed on a phone (no look-alikes, no dashes). */
final class JoinCodes {
    static final TypedCode CODE = new TypedCode(6, 0);

    private JoinCodes() {
    }
}
