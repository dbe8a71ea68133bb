/**
 * Recommendations (kiến nghị) of citizens, firms and agencies routed to an agency and answered, with reminders,
 * escalation and the timeliness rate per agency; and the queue of obstacles and proposals collected from progress
 * updates and periodic reports, answered by the Steering Committee and shown back on the tasks. Owns
 * {@code recommendation*} and {@code obstacle_item}; publishes {@link vn.nq57.recommendation.RecommendationService#submitPublic}
 * for the public form.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "steering", "catalogue", "task", "notification", "account", "agency", "publicsite", "system", "kernel" })
package vn.nq57.recommendation;
