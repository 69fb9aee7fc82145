package dev.crest.ame.estimate;

/**
 * Knockoff-filtered AME estimates for one query: the AME of every point and of its knockoff copy (both
 * β · v), the W statistics on each side, and the selections for points that help and points that hurt.
 *
 * @param query       the query's position among the outcome columns
 * @param ame         estimated AME per training point; do not modify
 * @param knockoffAme estimated AME of each point's knockoff copy (a null by construction); do not modify
 * @param helping     points whose inclusion raises the outcome, selected at the requested FDR
 * @param hurting     points whose inclusion lowers the outcome, selected at the requested FDR
 * @param lambda      the λ chosen by cross-validation on the augmented design
 */
public record KnockoffAmeResult(int query, double[] ame, double[] knockoffAme, KnockoffSelection helping,
        KnockoffSelection hurting, double lambda) {
}
