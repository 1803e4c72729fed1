package dev.tern.transport.crypto;

/** An authenticated datagram: who sent it, its sequence number and the decrypted plaintext. */
public record OpenedDatagram(Nonce nonce, byte[] plaintext) {
}
