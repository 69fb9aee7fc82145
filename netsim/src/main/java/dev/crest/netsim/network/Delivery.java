package dev.crest.netsim.network;

/** Called when the last packet of a message has arrived at one of its destinations (once per destination). */
@FunctionalInterface
public interface Delivery {
    /** Nothing to do on delivery. */
    Delivery IGNORE = node -> { };

    /** @param node the destination node that now holds the whole message */
    void delivered(int node);
}
