-- Every record has at most one assigned candidate, and an assigned company or person
-- in the fit marts matches its assigned candidate.

select
    record_type,
    record_id,
    count(*) as assigned_candidates
from {{ ref('candidate_scores') }}
where is_assigned
group by record_type, record_id
having count(*) > 1
