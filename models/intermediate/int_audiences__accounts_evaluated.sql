-- One row per ABM audience and account that meets the audience's conditions now or was
-- a member in the published audience_accounts mart. Each row puts this run's rank,
-- membership and buying committee next to the published ones and gives the reason for
-- an entry or exit. audience_accounts and audience_changes are built from this model,
-- and the delete guard test on it runs before either is replaced.
{%- set audiences = gtm_audiences() | selectattr('motion', 'equalto', 'abm') | list %}
{%- set content_columns = {
    'icp_code': dbt.type_string(),
    'icp_score': 'decimal(5, 2)',
    'committee_size': 'integer',
    'personas_covered': 'integer',
    'committee_personas': dbt.type_string(),
    'live_persona_count': 'integer',
    'committee_coverage': 'decimal(5, 4)',
} %}
{%- set membership_columns = ['audience_code', 'company_id', 'audience_rank', 'entered_at', 'updated_at'] %}
{%- set published = gtm_published_relation('audience_accounts', membership_columns) %}

with

companies as (

    select * from {{ ref('int_companies__audience_inputs') }}

),

audiences as (

    select * from {{ ref('int_audiences__validated') }}

),

previous_rows as (
    {{ gtm_audience_previous_rows(published, 'company_id', content_columns) }}
),
{%- for audience in audiences %}
    {%- set predicate = gtm_audience_predicate(audience.where) %}

    audience_{{ audience.code }} as (

    -- {{ audience.name }}: {{ gtm_audience_condition_label(audience.where) }}
        select
            {{ gtm_quote(audience.code) }} as audience_code,
            company_id,
            {%- for column in content_columns %}
                {{ column }},
            {%- endfor %}
            {{ predicate }} as is_selected,
            row_number() over (
                order by
                    case when {{ predicate }} then 0 else 1 end,
                    {%- for item in audience.rank_by %}
                        {{ item.column }} {{ item.direction }} nulls last,
                    {%- endfor %}
                    company_id asc
            ) as selection_rank,
            cast(null as {{ dbt.type_string() }}) as route,
            cast(null as {{ dbt.type_string() }}) as route_reason,
            {{ gtm_audience_reason(audience.where, 'failed') }} as failed_reason,
            {{ gtm_audience_reason(audience.where, 'passed') }} as passed_reason
        from companies
        where
            {{ predicate }}
            or company_id in (
                select previous_rows.company_id from previous_rows
                where previous_rows.audience_code = {{ gtm_quote(audience.code) }}
            )

    ),
{%- endfor %}

current_rows as (
    {%- for audience in audiences %}

        select * from audience_{{ audience.code }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
    {%- if audiences | length == 0 %}

    select
        cast(null as {{ dbt.type_string() }}) as audience_code,
        cast(null as {{ dbt.type_string() }}) as company_id,
        {%- for column, data_type in content_columns.items() %}
        cast(null as {{ data_type }}) as {{ column }},
        {%- endfor %}
        cast(null as boolean) as is_selected,
        cast(null as integer) as selection_rank,
        cast(null as {{ dbt.type_string() }}) as route,
        cast(null as {{ dbt.type_string() }}) as route_reason,
        cast(null as {{ dbt.type_string() }}) as failed_reason,
        cast(null as {{ dbt.type_string() }}) as passed_reason
    where 1 = 0
    {%- endif %}

),

membership as (
    {%- set missing_reason = "'the company is no longer in company_fit'" %}
    {{ gtm_audience_membership('company_id', content_columns.keys() | list, missing_reason) }}
)

select * from membership
