/** Rules and dates are Brussels wall-clock time; the web formats instants in the same zone. */
export { brusselsToInstant, TIME_ZONE } from '#kernel/time';
