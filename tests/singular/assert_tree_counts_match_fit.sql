-- The Qualification tree's people under each node add up to person_fit: every person
-- sits under exactly one node.

with

tree_people as (

    select sum(person_count) as person_count
    from {{ ref('qualification_tree') }}
    where node_type in ('persona', 'no_persona_fit', 'no_icp_fit', 'no_company')

),

fit_people as (

    select count(*) as person_count
    from {{ ref('person_fit') }}

)

select
    tree_people.person_count as tree_person_count,
    fit_people.person_count as fit_person_count
from tree_people
cross join fit_people
where tree_people.person_count != fit_people.person_count
