/** The discrete-event engine: a primitive-array event heap ordered by (time, sequence) and the event loop. */
package dev.crest.netsim.engine;
