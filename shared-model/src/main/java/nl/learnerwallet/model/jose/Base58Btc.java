package nl.learnerwallet.model.jose;

import java.math.BigInteger;

/**
 * Base58 (Bitcoin alphabet) decoding for did:key's multibase {@code z} values. Written here
 * because neither nimbus nor BouncyCastle offers it and it is a dozen lines.
 */
final class Base58Btc {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58Btc() {
    }

    /** @throws IllegalArgumentException on a character outside the alphabet */
    static byte[] decode(String text) {
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not base58btc");
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.toByteArray();
        int signByte = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        if (value.signum() == 0) {
            magnitude = new byte[0];
            signByte = 0;
        }
        int leadingZeros = 0;
        while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        byte[] out = new byte[leadingZeros + magnitude.length - signByte];
        System.arraycopy(magnitude, signByte, out, leadingZeros, magnitude.length - signByte);
        return out;
    }

    static String encode(byte[] bytes) {
        BigInteger value = new BigInteger(1, bytes);
        StringBuilder out = new StringBuilder();
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(division[1].intValue()));
            value = division[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }
}
