package nl.learnerwallet.model;

import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.format.Ob3CardMapper;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.jose.VcJwt;

/**
 * Reads the card of a credential without verifying it again: for showing stored credentials,
 * whose originals were verified when they arrived.
 */
public final class CredentialCards {

    private CredentialCards() {
    }

    /** @throws nl.learnerwallet.model.verify.CredentialFormatException when the credential cannot be read */
    public static CredentialCard of(ReadCredential credential) {
        if (credential.format() != CredentialFormat.OB3_JWT) {
            throw new IllegalArgumentException("no card reader for " + credential.format().id() + " yet");
        }
        VcJwt jwt = VcJwt.parse(credential.encoded());
        return Ob3CardMapper.map(jwt.credential(), jwt.issuerId(), jwt.issuedOn(), jwt.validFrom(), jwt.validUntil());
    }
}
