-- One row per audience and person who is a member in this run or was one in the
-- published audience_members mart. Each row puts this run's rank, route and content
-- next to the published ones and gives the reason for an entry or exit.
-- Person motions (volume_outbound, inbound and the default audience) select people by
-- their conditions. The members of an ABM audience are the buying committees of its
-- member accounts, which are the qualified people there (one Persona each).
-- audience_members and audience_changes are built from this model, and the delete
-- guard test on it runs before either is replaced.
{%- set audiences = gtm_audiences() %}
{%- set person_audiences = audiences | selectattr('grain', 'equalto', 'person') | list %}
{%- set content_columns = {
    'company_id': dbt.type_string(),
    'icp_code': dbt.type_string(),
    'persona_code': dbt.type_string(),
    'icp_score': 'decimal(5, 2)',
    'persona_score': 'decimal(5, 2)',
    'combined_score': 'decimal(5, 2)',
} %}
{%- set membership_columns = ['audience_code', 'person_id', 'audience_rank', 'entered_at', 'updated_at'] %}
{%- set published = gtm_published_relation('audience_members', membership_columns) %}

with

people as (

    select * from {{ ref('int_people__audience_inputs') }}

),

accounts as (

    select * from {{ ref('int_audiences__accounts_evaluated') }}

),

audiences as (

    select * from {{ ref('int_audiences__validated') }}

),

previous_rows as (
    {{ gtm_audience_previous_rows(published, 'person_id', content_columns) }}
),
{%- for audience in person_audiences %}
    {%- set predicate = gtm_audience_predicate(audience.where) %}
    {%- if audience.motion == 'inbound' %}
        {%- set total_weight = audience.icp_weight + audience.persona_weight %}
        {%- set combined -%}
            round(({{ audience.icp_weight }} * coalesce(icp_score, 0) + {{ audience.persona_weight }} * coalesce(persona_score, 0)) / {{ total_weight }}, 2)
        {%- endset %}
    {%- else %}
        {%- set combined = 'null' %}
    {%- endif %}

    audience_{{ audience.code }} as (

    -- {{ audience.name }} ({{ audience.motion }}): {{ gtm_audience_condition_label(audience.where) }}
        select
            {{ gtm_quote(audience.code) }} as audience_code,
            person_id,
            company_id,
            icp_code,
            persona_code,
            icp_score,
            persona_score,
            cast({{ combined }} as decimal(5, 2)) as combined_score,
            {{ predicate }} as is_selected,
            row_number() over (
                order by
                    case when {{ predicate }} then 0 else 1 end,
                    {%- for item in audience.rank_by %}
                        {%- set rank_expression = combined if item.column == 'combined_score' else item.column %}
                        {{ rank_expression }} {{ item.direction }} nulls last,
                    {%- endfor %}
                    person_id asc
            ) as selection_rank,
            {%- if audience.motion == 'inbound' %}
                case
                    {%- for route in audience.routes %}
                        when {{ combined }} >= {{ route.min_score }} then {{ gtm_quote(route.queue) }}
                    {%- endfor %}
                end as route,
                case
                    {%- for route in audience.routes %}
                        when {{ combined }} >= {{ route.min_score }}
                            then
                                {{ gtm_quote('combined score ') }} || cast({{ combined }} as {{ dbt.type_string() }})
                                || {{ gtm_quote(' >= ' ~ route.min_score ~ ' of queue ' ~ route.queue) }}
                    {%- endfor %}
                end as route_reason,
            {%- else %}
                icp_code || ':' || coalesce(persona_code, 'no_persona_fit') as route,
                cast(null as {{ dbt.type_string() }}) as route_reason,
            {%- endif %}
            {{ gtm_audience_reason(audience.where, 'failed') }} as failed_reason,
            {{ gtm_audience_reason(audience.where, 'passed') }} as passed_reason
        from people
        where
            {{ predicate }}
            or person_id in (
                select previous_rows.person_id from previous_rows
                where previous_rows.audience_code = {{ gtm_quote(audience.code) }}
            )

    ),
{%- endfor %}

account_committees as (

    -- The buying committee of every member account of an ABM audience, ranked by the
    -- account's rank, then Persona score.
    select
        accounts.audience_code,
        people.person_id,
        people.company_id,
        people.icp_code,
        people.persona_code,
        people.icp_score,
        people.persona_score,
        cast(null as decimal(5, 2)) as combined_score,
        true as is_selected,
        row_number() over (
            partition by accounts.audience_code
            order by accounts.audience_rank asc, people.persona_score desc, people.person_id asc
        ) as selection_rank,
        people.icp_code || ':' || people.persona_code as route,
        cast(null as {{ dbt.type_string() }}) as route_reason,
        cast(null as {{ dbt.type_string() }}) as failed_reason,
        'in the buying committee of account ' || accounts.company_id
        || ', ranked ' || cast(accounts.audience_rank as {{ dbt.type_string() }}) as passed_reason
    from accounts
    inner join people
        on accounts.company_id = people.company_id
    where
        accounts.is_member
        and people.qualification_status = 'qualified'

),

current_rows as (
    {%- for audience in person_audiences %}

        select * from audience_{{ audience.code }}
        union all
    {%- endfor %}

    select * from account_committees

),

account_exits as (

    select
        audience_code,
        company_id,
        exit_reason
    from accounts
    where not is_member

),

membership as (
    {%- set missing_reason -%}
        coalesce(
            'the account left the audience: ' || (
                select account_exits.exit_reason from account_exits
                where
                    account_exits.audience_code = previous_rows.audience_code
                    and account_exits.company_id = previous_rows.company_id
            ),
            case
                when audiences.member_grain = 'company'
                    then 'no longer in the buying committee of account ' || previous_rows.company_id
                else 'the person is no longer in person_fit'
            end
        )
    {%- endset %}
    {{ gtm_audience_membership('person_id', content_columns.keys() | list, missing_reason) }}
)

select * from membership
