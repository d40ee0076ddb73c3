-- A person's Persona always belongs to the ICP assigned to their company, and a person
-- is never scored against the Personas of another ICP.

select
    candidates.record_id as person_id,
    candidates.icp_code as candidate_icp_code,
    person_fit.icp_code as assigned_icp_code
from {{ ref('candidate_scores') }} as candidates

inner join {{ ref('person_fit') }} as person_fit
    on candidates.record_id = person_fit.person_id

where candidates.record_type = 'person'
    and candidates.icp_code != coalesce(person_fit.icp_code, '')
