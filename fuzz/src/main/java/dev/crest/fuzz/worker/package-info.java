/**
 * Runs backends in a child JVM so native crashes and hangs cost one test case, not the campaign: the campaign
 * side ({@link dev.crest.fuzz.worker.WorkerProcess}) and the child's entry point
 * ({@link dev.crest.fuzz.worker.WorkerMain}) talk over stdin/stdout in length-prefixed frames.
 */
package dev.crest.fuzz.worker;
