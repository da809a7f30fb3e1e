package nl.plein.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an account's owner what others did with their email address. Sign-up answers alike whether
 * or not an address has an account, so the owner is the one to hear that someone tried it. Plein
 * sends no email yet: {@link #NONE} only writes a log line, without the address. A mailing
 * implementation must send in the background, so that sign-up takes as long either way.
 */
public interface OwnerNotices {
    /** Someone signed up with the address of this existing account; nothing was changed. */
    void signUpWithExistingAddress(long accountId);

    OwnerNotices NONE = new OwnerNotices() {
        private final Logger log = LoggerFactory.getLogger(OwnerNotices.class);

        @Override
        public void signUpWithExistingAddress(long accountId) {
            log.info("A sign-up used the email address of account {}; no email is configured, so its owner "
                    + "was not told.", accountId);
        }
    };
}
