-- Who a live session belongs to, unless it expired or the account is disabled. Parameter: :tokenHash.
SELECT a.id, a.role, s.csrf_token, a.guest
  FROM sessions s
  JOIN accounts a ON a.id = s.account_id
 WHERE s.token_hash = :tokenHash AND s.expires_at > now() AND NOT a.disabled
