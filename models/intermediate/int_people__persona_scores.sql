-- One row per usable person at a company whose ICP has Personas. Each row has the ICP
-- (icp_code), the definitions version and one group of columns per Persona of that
-- ICP of any status. The groups are named after the Persona's position in the ICP's
-- priority and code order, as in int_companies__icp_scores. A person is never scored
-- against the Personas of another ICP. Compiled from the Persona definitions, one pass
-- over the people per ICP. int_people__persona_ranked turns the groups into rows.
-- depends_on: {{ ref('int_definitions__validated') }}
{%- set definitions = gtm_definitions() %}

with

people as (

    select * from {{ ref('int_people__features') }}

),

assigned_icps as (

    select * from {{ ref('int_companies__icp_ranked') }}
    where is_assigned

),

features as (

    select
        people.*,
        assigned_icps.icp_code as assigned_icp_code
    from people

    inner join assigned_icps
        on people.company_id = assigned_icps.company_id

),
{{ gtm_score_definitions(
    definitions.personas,
    'person_id',
    definitions.version,
    scope_column='assigned_icp_code',
    title_patterns=definitions.title_patterns,
) }}

select * from record_scores
