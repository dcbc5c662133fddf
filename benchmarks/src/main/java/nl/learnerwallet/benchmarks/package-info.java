/**
 * JMH benchmarks of the credential model. {@link nl.learnerwallet.benchmarks.VerifyBenchmark}
 * compares our full VC-JWT verification (JWS, RFC 7515, with ES256 of RFC 7518 §3.4, plus every
 * check of a verification report) with the bare ES256 signature check it is built on. Commands
 * and measured figures are in BENCHMARKS.md at the repository root.
 */
package nl.learnerwallet.benchmarks;
