export { SupervisorInput as ContactInput, supervisorPath as contactPath } from '../supervisors/schemas';
