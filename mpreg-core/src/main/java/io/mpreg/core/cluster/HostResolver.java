package io.mpreg.core.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name to its addresses; injectable so seed discovery can be tested without DNS. */
@FunctionalInterface
public interface HostResolver {

    /** The system resolver ({@link InetAddress#getAllByName}). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** All addresses the host name resolves to. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
