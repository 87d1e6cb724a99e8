/** The NOTIFY channel that carries every appended job event to every process. */
export const EVENTS_CHANNEL = 'tailor_job_events';

/** The NOTIFY channel that says a job's completion webhook waits in `webhook_outbox`. */
export const WEBHOOK_CHANNEL = 'tailor_webhooks';

/**
 * The CTE `w`, after `e`: a terminal status event of a job started with an API key that has a
 * webhook puts the job in the webhook outbox, in the same statement (so the notice is owed exactly
 * when the job has ended), and wakes the relay at commit.
 */
const WEBHOOK_OUTBOX = `w as (
		insert into webhook_outbox (job_id)
		select e.job_id from e
		join document_jobs d on d.id = e.job_id
		join api_key_webhooks h on h.api_key_id = d.api_key_id
		where e.type = 'status' and e.payload ->> 'status' in ('completed', 'failed', 'cancelled')
		on conflict do nothing
		returning pg_notify('${WEBHOOK_CHANNEL}', job_id::text)
	)`;

/** An event row as the stream carries it, as JSON: built from a `job_events` row's columns. */
export const EVENT_JSON = `json_build_object('id', id, 'jobId', job_id, 'type', type,
	'payload', payload, 'createdAt', created_at)::text`;

/**
 * The CTE `e`: inserts the events that `rows` selects (`job_id, type, payload`), returning each
 * with its message. Every statement that writes events uses it, after it holds the job's row lock
 * (taken by an UPDATE or `for update` earlier in the statement or its transaction): an event's id
 * is drawn under that lock, so one job's events commit in id order.
 */
export const insertEvents = (rows: string) => `e as (
		insert into job_events (job_id, type, payload) ${rows}
		returning id, job_id, type, payload, ${EVENT_JSON} as message
	), ${WEBHOOK_OUTBOX}`;

/**
 * Announces one row of `e` on the events channel, delivered at commit. The message is the whole
 * event when it fits in NOTIFY's 8 kB payload, else its ids for listeners to read it back.
 */
export const ANNOUNCE = `pg_notify('${EVENTS_CHANNEL}', case
	when octet_length(e.message) <= 7900 then e.message
	else json_build_object('id', e.id, 'jobId', e.job_id, 'partial', true)::text end)`;
