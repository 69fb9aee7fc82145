/**
 * Physical networks and their builders, registered by name in {@link dev.crest.netsim.topology.Topologies}:
 * single rack, racks joined by spines, k-ary fat-tree, leaf-spine with oversubscription.
 */
package dev.crest.netsim.topology;
