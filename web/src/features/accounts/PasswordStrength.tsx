import { useEffect, useState } from 'react';
import {
  type EstimateStrength,
  MIN_PASSWORD_SCORE,
  passwordProblem,
  STRENGTH_LABELS,
} from '#contract/password-rule';
import { loadStrengthEstimator } from '#contract/password-strength';

/** The dictionaries load when a password field appears, not with the app. */
export function useStrengthEstimator(): EstimateStrength | null {
  const [estimate, setEstimate] = useState<EstimateStrength | null>(null);
  useEffect(() => {
    let live = true;
    loadStrengthEstimator()
      .then((fn) => live && setEstimate(() => fn))
      .catch(() => {
        // Without the estimate the form still works; the server applies the same rule.
      });
    return () => {
      live = false;
    };
  }, []);
  return estimate;
}

/**
 * The strength of the password being typed, with the same rule the API applies: a bar, a label
 * and the reason when it is not yet good enough (unless the field's error says it already).
 * Announced politely, not on every key press.
 */
export function PasswordStrength({
  password,
  email,
  said,
}: {
  password: string;
  email: string;
  /** The field's error from the server: the same reason is not said twice under one field. */
  said?: string | undefined;
}) {
  const estimate = useStrengthEstimator();
  if (!password) return null;
  if (!estimate) return <p className="hint">Sterkte berekenen…</p>;
  const { score } = estimate(password, [email]);
  const problem = passwordProblem(password, email, estimate);
  const good = problem === null && score >= MIN_PASSWORD_SCORE;
  return (
    <div className="strength" data-score={score}>
      <div className="strength-bar" aria-hidden="true">
        {[0, 1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= score ? `on score-${score}` : ''} />
        ))}
      </div>
      <p className={good ? 'hint strength-ok' : 'hint strength-weak'} aria-live="polite">
        Sterkte: <strong>{STRENGTH_LABELS[score]}</strong>
        {good ? ' — goed zo.' : problem && problem !== said ? ` — ${problem}` : ''}
      </p>
    </div>
  );
}
