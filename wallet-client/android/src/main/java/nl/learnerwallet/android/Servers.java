package nl.learnerwallet.android;

import okhttp3.HttpUrl;

/** The address of a wallet server as the learner types it. */
final class Servers {

    private Servers() {
    }

    /**
     * {@code https://wallet.example.nl/} becomes {@code https://wallet.example.nl}.
     *
     * @throws IllegalArgumentException when it is not an http(s) address
     */
    static String normalise(String typed) {
        HttpUrl url = HttpUrl.parse(typed.trim());
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) address: " + typed);
        }
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
