/** The NOTIFY channel that carries every appended job event to every process. */
export const EVENTS_CHANNEL = 'tailor_job_events';

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
		returning id, job_id, ${EVENT_JSON} as message
	)`;

/**
 * Announces one row of `e` on the events channel, delivered at commit. The message is the whole
 * event when it fits in NOTIFY's 8 kB payload, else its ids for listeners to read it back.
 */
export const ANNOUNCE = `pg_notify('${EVENTS_CHANNEL}', case
	when octet_length(e.message) <= 7900 then e.message
	else json_build_object('id', e.id, 'jobId', e.job_id, 'partial', true)::text end)`;
