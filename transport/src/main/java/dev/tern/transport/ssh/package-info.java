/**
 * SSH for Tern, with JSch: plain SSH shells for SSH tabs, and the bootstrap of {@code mosh-server} for Mosh tabs.
 *
 * <p>Flow: a profile's {@link dev.tern.transport.ssh.SshTarget} is merged with {@code ~/.ssh/config} by
 * {@link dev.tern.transport.ssh.ConnectSpecResolver} into a {@link dev.tern.transport.ssh.ConnectSpec};
 * {@link dev.tern.transport.ssh.SshConnector#connect} logs in (jump hosts, host keys, agent, keys, password,
 * keyboard-interactive), asking the user through a {@link dev.tern.transport.ssh.Prompter} and reporting
 * {@link dev.tern.transport.ssh.ConnectStage}s to a {@link dev.tern.transport.ssh.ConnectProgress}. The resulting
 * {@link dev.tern.transport.ssh.SshConnection} opens an {@link dev.tern.transport.ssh.SshShell}, or is handed to
 * {@link dev.tern.transport.ssh.MoshBootstrap#start}, which returns the
 * {@link dev.tern.transport.ssh.MoshEndpoint} (UDP target and key) for the Mosh session. Every failure is an
 * {@link dev.tern.transport.ssh.SshException} whose message tells the user what to do.
 */
package dev.tern.transport.ssh;
