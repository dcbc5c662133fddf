package nl.learnerwallet.android;

import android.app.Activity;
import android.graphics.Typeface;
import android.util.TypedValue;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What every screen of the app shares: the wallet session, work in the {@link Background}, and
 * the status line ({@code R.id.status}) where results and problems appear as one sentence.
 */
abstract class Screen extends Activity {

    WalletSession session() {
        return WalletSession.of(this);
    }

    /** Runs the work off the main thread; a failure shows in the status line. */
    <T> void work(Callable<T> work, Consumer<T> done) {
        Background.run(this, work, done, this::showProblem);
    }

    /** As {@link #work(Callable, Consumer)}, and after a failure also {@code afterProblem} (to enable a button again). */
    <T> void work(Callable<T> work, Consumer<T> done, Runnable afterProblem) {
        Background.run(this, work, done, problem -> {
            showProblem(problem);
            afterProblem.run();
        });
    }

    void showProblem(Exception problem) {
        showStatus(Texts.problem(this, problem));
    }

    void showStatus(CharSequence text) {
        TextView status = findViewById(R.id.status);
        status.setText(text);
        status.setVisibility(View.VISIBLE);
    }

    /** The wallet server address typed in the field, normalised; null (and said why) when it is not one. */
    String serverAddress(int field) {
        try {
            return Servers.normalise(((android.widget.EditText) findViewById(field)).getText().toString());
        } catch (IllegalArgumentException e) {
            showStatus(getString(R.string.bad_server_url));
            return null;
        }
    }

    /** A line of text for the lists the screens build. */
    TextView line(CharSequence text, float sizeSp, boolean bold) {
        TextView view = new TextView(this);
        view.setText(text);
        view.setTextSize(TypedValue.COMPLEX_UNIT_SP, sizeSp);
        view.setTextColor(0xFF202020);
        if (bold) {
            view.setTypeface(Typeface.DEFAULT_BOLD);
        }
        view.setLayoutParams(new LinearLayout.LayoutParams(LinearLayout.LayoutParams.MATCH_PARENT,
                LinearLayout.LayoutParams.WRAP_CONTENT));
        return view;
    }

    /** A section heading. */
    TextView heading(CharSequence text) {
        TextView view = line(text, 18, true);
        view.setPadding(0, dp(16), 0, dp(4));
        return view;
    }

    int dp(int value) {
        return Math.round(value * getResources().getDisplayMetrics().density);
    }
}
