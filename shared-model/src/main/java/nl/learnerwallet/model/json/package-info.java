/** Reading JSON from untrusted sources with limits (RFC 8259, with duplicate keys refused as RFC 7493 I-JSON asks). */
package nl.learnerwallet.model.json;
