-- One row per usable person and live or draft Persona of their company's ICP, with
-- the Persona's name, status and priority. The rank and `is_assigned` come from
-- int_people__persona_scores, which stores them as one group of columns per position
-- in the ICP's Personas. `is_assigned` marks the person's Persona: the live, not
-- gated-out candidate with the highest score, ties going to the lower priority and
-- then the smaller code. Rows take the Persona from int_definitions__validated by ICP,
-- position and definitions version, so scores written under other definitions match no
-- Persona and give no rows.

-- A view because it only turns the scores' columns into rows and adds names. A table
-- would write one row per person and Persona.
{{ config(materialized='view') }}
{%- set definitions = gtm_definitions(validate=false) %}

with

definitions as (

    select * from {{ ref('int_definitions__validated') }}
    where definition_type = 'persona'

),

unpivoted as (

    -- Reads int_people__persona_scores once per position (see gtm_candidate_rows).
    {{ gtm_candidate_rows(definitions.personas, 'person_id', ref('int_people__persona_scores'), true) }}

),

candidates as (

    select
        unpivoted.person_id,
        unpivoted.icp_code,
        definitions.persona_code,
        definitions.definition_name as persona_name,
        definitions.status as persona_status,
        definitions.priority as persona_priority,
        unpivoted.is_gated_out,
        unpivoted.score,
        unpivoted.coverage,
        unpivoted.candidate_rank,
        unpivoted.is_assigned
    from unpivoted

    inner join definitions
        on
            unpivoted.icp_code = definitions.icp_code
            and unpivoted.definition_position = definitions.definition_position
            and unpivoted.definitions_version = definitions.definitions_version

    where definitions.status in ('live', 'draft')

)

select * from candidates
