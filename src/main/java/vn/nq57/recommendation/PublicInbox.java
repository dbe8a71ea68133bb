package vn.nq57.recommendation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.publicsite.PublicRecommendations;

/**
 * Takes the recommendations citizens and firms send through the public form ({@code publicsite}'s inbox) into the
 * register: each becomes a recommendation (channel PUBLIC, state RECEIVED, with the receipt number the sender was
 * given) that DoST routes to an agency like any other. One transaction per item: the inbox row is marked taken and the
 * recommendation inserted together, so a failure leaves it in the inbox and taking it twice makes one recommendation.
 */
@Service
public class PublicInbox {

	private final PublicRecommendations inbox;
	private final RecommendationService service;
	private final TransactionTemplate tx;

	PublicInbox(PublicRecommendations inbox, RecommendationService service, TransactionTemplate tx) {
		this.inbox = inbox;
		this.service = service;
		this.tx = tx;
	}

	/** Takes over what the public form received since the last time; returns how many recommendations were made. */
	public int take() {
		int n = 0;
		for (PublicRecommendations.Received r : inbox.unrouted()) {
			Boolean made = tx.execute(s -> inbox.markRouted(r.id())
					&& service.takePublic(r.id(), r.receivedAt(), r.senderKind(), r.topic(), r.content(), r.senderName(),
							r.contact()).isPresent());
			if (Boolean.TRUE.equals(made)) {
				n++;
			}
		}
		return n;
	}
}
