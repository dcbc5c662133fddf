package nl.learnerwallet.server.account;

import nl.learnerwallet.server.error.Refusal;

/** A correctly signed request from an account the operator suspended; answered with 403 {@code ACCOUNT_SUSPENDED}. */
public class AccountSuspendedException extends Refusal {
    private static final long serialVersionUID = 1L;

    public AccountSuspendedException() {
        super("ACCOUNT_SUSPENDED", "this account was suspended by the server's operator; contact them to have it restored");
    }
}
