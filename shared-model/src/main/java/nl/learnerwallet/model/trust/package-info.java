/** The trust list: which issuers (DIDs or issuer URL prefixes) a wallet or server recognises. */
package nl.learnerwallet.model.trust;
