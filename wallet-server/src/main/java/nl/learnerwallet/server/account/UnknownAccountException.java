package nl.learnerwallet.server.account;

/** A correctly signed request for an account that is not registered (or was deleted); answered with 404. */
public class UnknownAccountException extends nl.learnerwallet.server.error.Refusal {
    private static final long serialVersionUID = 1L;

    public UnknownAccountException() {
        super("UNKNOWN_ACCOUNT", "there is no account for this key on this server; register first");
    }
}
