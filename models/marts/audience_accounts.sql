-- One row per ABM audience and member account, ranked, with its buying committee: how
-- many qualified people it has and the share of its ICP's live Personas they cover. A
-- row changes only when the account's score, committee or rank change.
-- The change feed is built first, so a run whose feed fails leaves this mart as it was.
-- NOTE: when the feed succeeds and this mart then fails, the next run reports the same
-- changes again under a new run_id.
-- depends_on: {{ ref('audience_changes') }}

with

evaluated as (

    select * from {{ ref('int_audiences__accounts_evaluated') }}
    where is_member

),

final as (

    select
        cast(audience_code || ':' || company_id as {{ dbt.type_string() }}) as audience_account_key,
        cast(audience_code as {{ dbt.type_string() }}) as audience_code,
        cast(company_id as {{ dbt.type_string() }}) as company_id,
        cast(icp_code as {{ dbt.type_string() }}) as icp_code,
        cast(icp_score as decimal(5, 2)) as icp_score,
        cast(committee_size as integer) as committee_size,
        cast(personas_covered as integer) as personas_covered,
        cast(committee_personas as {{ dbt.type_string() }}) as committee_personas,
        cast(live_persona_count as integer) as live_persona_count,
        cast(committee_coverage as decimal(5, 4)) as committee_coverage,
        cast(audience_rank as integer) as audience_rank,
        cast(entered_at as {{ dbt.type_timestamp() }}) as entered_at,
        cast(updated_at as {{ dbt.type_timestamp() }}) as updated_at
    from evaluated

)

select * from final
