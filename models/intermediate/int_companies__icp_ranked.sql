-- One row per usable company and live or draft ICP, with the ICP's name, status and
-- priority. The rank and `is_assigned` come from int_companies__icp_scores, which
-- stores them as one group of columns per ICP. `is_assigned` marks the company's ICP:
-- the live, not gated-out candidate with the highest score, ties going to the lower
-- priority and then the smaller code. Rows take the ICP from int_definitions__validated
-- by position and definitions version, so scores written under other definitions match
-- no ICP and give no rows.

-- A view because it only turns the scores' columns into rows and adds names. A table
-- would write one row per company and ICP.
{{ config(materialized='view') }}
{%- set definitions = gtm_definitions(validate=false) %}

with

definitions as (

    select * from {{ ref('int_definitions__validated') }}
    where definition_type = 'icp'

),

unpivoted as (

    -- Reads int_companies__icp_scores once per position (see gtm_candidate_rows).
    {{ gtm_candidate_rows(definitions.icps, 'company_id', ref('int_companies__icp_scores'), false) }}

),

candidates as (

    select
        unpivoted.company_id,
        definitions.icp_code,
        definitions.definition_name as icp_name,
        definitions.status as icp_status,
        definitions.priority as icp_priority,
        unpivoted.is_gated_out,
        unpivoted.score,
        unpivoted.coverage,
        unpivoted.candidate_rank,
        unpivoted.is_assigned
    from unpivoted

    inner join definitions
        on
            unpivoted.definition_position = definitions.definition_position
            and unpivoted.definitions_version = definitions.definitions_version

    where definitions.status in ('live', 'draft')

)

select * from candidates
