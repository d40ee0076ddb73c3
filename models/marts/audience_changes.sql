{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    full_refresh=false,
) }}
-- The audience change feed: one row per run, audience, member and change (entered,
-- exited, rank_changed, route_changed, updated), with the reason. Each run appends
-- only its own changes, so the table is the full history. full_refresh is off because
-- a rebuild would lose that history.
-- depends_on: {{ ref('int_definitions__validated') }}
{%- set definitions = gtm_definitions(validate=false) %}
{%- set sources = [
    {'cte': 'members', 'member_type': 'person', 'key': 'person_id'},
    {'cte': 'accounts', 'member_type': 'company', 'key': 'company_id'},
] %}
{%- set change_types = [
    {
        'type': 'entered',
        'condition': 'is_member and not was_member',
        'reason': 'entry_reason',
    },
    {
        'type': 'exited',
        'condition': 'was_member and not is_member',
        'reason': 'exit_reason',
    },
    {
        'type': 'rank_changed',
        'condition': 'is_member and was_member and audience_rank <> previous_rank',
        'reason': "concat_ws('; ', 'rank ' || cast(previous_rank as " ~ dbt.type_string() ~ ") || ' -> ' || cast(audience_rank as " ~ dbt.type_string() ~ "), content_changes)",
    },
    {
        'type': 'route_changed',
        'condition': 'is_member and was_member and (route is distinct from previous_route)',
        'reason': "concat_ws(': ', 'route ' || coalesce(previous_route, 'none') || ' -> ' || coalesce(route, 'none'), route_reason)",
    },
    {
        'type': 'updated',
        'condition': 'is_member and was_member and audience_rank = previous_rank and not (route is distinct from previous_route) and content_changes is not null',
        'reason': 'content_changes',
    },
] %}

with

members as (

    select * from {{ ref('int_audiences__members_evaluated') }}

),

accounts as (

    select * from {{ ref('int_audiences__accounts_evaluated') }}

),

changes as (
    {%- for source in sources %}
        {%- set outer_loop = loop %}
        {%- for change in change_types %}

            select
                audience_code,
                {{ gtm_quote(source.member_type) }} as member_type,
                {{ source.key }} as member_id,
                {{ gtm_quote(change.type) }} as change_type,
                previous_rank,
                audience_rank as new_rank,
                previous_route,
                route as new_route,
                {{ change.reason }} as reason,
                audience_version
            from {{ source.cte }}
            where {{ change.condition }}
            {%- if not (outer_loop.last and loop.last) %}

                union all
            {%- endif %}
        {%- endfor %}
    {%- endfor %}

),

final as (

    select
        cast(
            {{ gtm_quote(invocation_id ~ ':') }}
            || audience_code
            || ':'
            || member_type
            || ':'
            || member_id
            || ':'
            || change_type
            as {{ dbt.type_string() }}
        ) as change_key,
        cast({{ gtm_quote(invocation_id) }} as {{ dbt.type_string() }}) as run_id,
        {{ gtm_scored_at() }} as changed_at,
        cast(audience_code as {{ dbt.type_string() }}) as audience_code,
        cast(member_type as {{ dbt.type_string() }}) as member_type,
        cast(member_id as {{ dbt.type_string() }}) as member_id,
        cast(change_type as {{ dbt.type_string() }}) as change_type,
        cast(previous_rank as integer) as previous_rank,
        cast(new_rank as integer) as new_rank,
        cast(previous_route as {{ dbt.type_string() }}) as previous_route,
        cast(new_route as {{ dbt.type_string() }}) as new_route,
        cast(reason as {{ dbt.type_string() }}) as reason,
        cast(audience_version as {{ dbt.type_string() }}) as audience_version,
        cast({{ gtm_quote(definitions.version) }} as {{ dbt.type_string() }}) as definitions_version
    from changes

)

select * from final
