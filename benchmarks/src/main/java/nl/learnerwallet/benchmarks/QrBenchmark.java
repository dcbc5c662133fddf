package nl.learnerwallet.benchmarks;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.model.protocol.ShareToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * QR codes as the wallet draws them ({@link QrCodes}: the module grid with its quiet zone, for a
 * PNG, a bitmap or a terminal), each beside zxing's own encoder alone (the library's floor), for a
 * share link (version 4, error correction M) and for an offline presentation of 2,344
 * characters ({@code LW1:} Base45, version 29, error correction L — the README's "title + level").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class QrBenchmark {

    private static final String BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private String link;
    private String offline;
    private Map<EncodeHintType, Object> linkHints;
    private Map<EncodeHintType, Object> offlineHints;

    @Setup(Level.Trial)
    public void texts() {
        SecureRandom random = new SecureRandom();
        link = "https://wallet.example.nl/s/" + ShareToken.generate(random);
        StringBuilder text = new StringBuilder("LW1:");
        while (text.length() < 2344) {
            text.append(BASE45.charAt(random.nextInt(BASE45.length())));
        }
        offline = text.toString();
        linkHints = hints(ErrorCorrectionLevel.M);
        offlineHints = hints(ErrorCorrectionLevel.L);
        if (QrCodes.offlineVersionFor(offline) != 29) {
            throw new IllegalStateException("the offline text is not the README's version 29");
        }
    }

    private static Map<EncodeHintType, Object> hints(ErrorCorrectionLevel level) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, level);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        return hints;
    }

    @Benchmark
    public boolean[][] shareLink() {
        return QrCodes.encode(link);
    }

    @Benchmark
    public QRCode shareLinkZxingAlone() throws Exception {
        return Encoder.encode(link, (ErrorCorrectionLevel) linkHints.get(EncodeHintType.ERROR_CORRECTION), linkHints);
    }

    @Benchmark
    public boolean[][] offlinePresentation() {
        return QrCodes.encodeOffline(offline);
    }

    @Benchmark
    public QRCode offlinePresentationZxingAlone() throws Exception {
        return Encoder.encode(offline, ErrorCorrectionLevel.L, offlineHints);
    }
}
