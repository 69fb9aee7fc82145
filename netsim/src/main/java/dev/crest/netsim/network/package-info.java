/**
 * The packet-level network model: {@link dev.crest.netsim.network.Network} moves messages as MTU packets over
 * directed links (one packet on the wire per link, FIFO queue, size / rate + latency per hop, store-and-forward),
 * with switch multicast along {@link dev.crest.netsim.network.Route} trees and message-granularity in-switch
 * aggregation along {@link dev.crest.netsim.network.AggregationTree}s.
 */
package dev.crest.netsim.network;
