-- The knowledge base's first articles: answers an agent can read out, written for HeatDesk from
-- public rules (《山东省供热条例》) and the practice of heating companies. Published as written by the
-- system; managers change them through new versions.

with a as (insert into knowledge_article (slug, published_version, created_by) values ('heating-season', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '供暖季从什么时候开始、到什么时候结束', '<p>按照《山东省供热条例》，本省城镇集中供热的采暖期为<strong>每年11月15日至次年3月15日</strong>，共121天。</p>
<p>正式供热前，管网要先注水、升温试运行，所以11月上旬家里暖气片有时温时凉属于正常现象；11月15日零时起按正式供热标准保证室温。</p>
<p>答复要点：</p><ul><li>正式供暖：11月15日；停止供暖：次年3月15日。</li><li>遇到持续寒冷天气，经主管部门决定可以提前供暖或延长供暖，以公司公告为准。</li><li>已缴费的用户无需再办手续，到时自动供热；新用户或报停用户需先办理开通。</li></ul>', '供暖时间', '供暖时间,供暖期,开始供暖,停止供暖,采暖期,来暖气', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('early-late-start', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '提前供暖和延长供暖是怎么决定的', '<p>采暖期的起止日期可以根据天气调整。按照《山东省供热条例》，遇到气温异常时，由当地供热主管部门根据气象预报决定提前或者延长供热，供热企业按决定执行。</p>
<ul><li><strong>提前供暖</strong>：一般在日平均气温连续几天低于5℃、且预报继续降温时启动；提前的天数通常不另收费，以主管部门的通知为准。</li>
<li><strong>延长供暖</strong>：3月中旬仍有寒潮时，可能延长到3月下旬，同样以公告为准。</li></ul>
<p>答复用户：我们已记录您的诉求，是否提前或延长由主管部门统一决定，决定后公司会通过公众号、短信和小区公告通知。</p>', '供暖时间', '提前供暖,延长供暖,推迟停暖,天冷,降温,寒潮', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('temperature-standard', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '室内温度的标准是多少度', '<p>按照《山东省供热条例》，供热期内住宅<strong>卧室、起居室（客厅）的温度不低于18℃</strong>；厨房、卫生间、阳台、储藏室不在考核范围内。公司按18℃（±2℃）组织运行：正常情况下室温保持在18℃以上，不高于20℃左右的波动属于正常调节范围。</p>
<p>以下情况可能影响室温判断：</p><ul><li>门窗密封差、开窗通风时测的温度；</li><li>私自改动暖气、加装地暖或包了暖气罩；</li><li>用户家中阀门未全开、过滤器堵塞。</li></ul>
<p>用户认为室温不达标时，可以申请上门测温，测温结果以我们工作人员和用户双方签字确认的记录为准。</p>', '室温与退费', '室温标准,18度,温度达标,室温不达标,温度低,最低温度', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('temperature-test', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '怎么申请上门测室温，测温是怎么做的', '<p>用户反映家里温度低、室温不达标的，坐席登记“室温不达标”工单，维修人员在承诺时限内联系用户预约上门测温，可以按用户方便的时间预约。</p>
<p><strong>测温方法</strong>（请用户配合）：</p><ol>
<li>测温前关闭门窗半小时以上，停止开窗通风，不使用电暖器、空调等其他取暖设备；</li>
<li>测量卧室和客厅，测点在房间中央、离地面约1.4米，离开暖气片、外墙和阳光直射处；</li>
<li>使用经检定合格的温度计，每个房间读数稳定后记录；</li>
<li>维修人员和用户双方在测温记录上签字，测温结果和是否达标当场告知用户。</li></ol>
<p>测温不达标且不是用户自身原因的，由公司查找原因整改，并按退费标准退还相应热费。</p>', '室温与退费', '测温,测室温,室温检测,温度低,不达标,上门测温,预约', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('refund-substandard', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '室温不达标怎么退费', '<p>经上门测温确认室温低于18℃、且原因不在用户一方的，公司按<strong>测温退费标准</strong>退还不达标期间的部分热费。</p>
<ul><li>退费按温度段计算：温度越低，退还比例越高；</li><li>退费天数从测温确认不达标之日起算，到整改后复测达标之日止；</li><li>金额 = 供热面积 × 单价 ÷ 采暖期天数 × 不达标天数 × 退费比例；</li>
<li>退费一般在本采暖期结束后统一办理，可以抵扣下一采暖期热费或退回原缴费账户。</li></ul>
<p>以下情况不退费：用户私自改装、拆改暖气，报停用户，门窗未关闭导致的室温偏低，拒绝入户测温或整改的。</p>', '室温与退费', '退费,退钱,室温不达标,赔偿,补偿,温度低退费', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('fee-standard', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '供暖费怎么收，一平米多少钱', '<p>居民供暖费按<strong>供热面积</strong>（一般为房产证上的建筑面积）每平方米每个采暖期计收，单价由当地价格主管部门核定，各地区不同，缴费通知单和公司公众号上都列明了本地区的价格。</p>
<ul><li>供热面积 × 单价 = 一个采暖期的热费；</li><li>已安装热计量表并按热计量收费的，热费由基本热费和计量热费两部分组成；</li><li>挑高、阁楼等特殊户型的面积按公司与用户签订的供用热合同约定计算。</li></ul>
<p>用户对面积有异议的，请带房产证到营业厅核对。</p>', '缴费', '热费,收费标准,价格,单价,一平米,供热面积,建筑面积,暖气费多少钱', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('how-to-pay', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '暖气费怎么交，有哪些缴费方式', '<p>暖气费可以通过以下方式缴纳，用户需要提供<strong>供热户号</strong>（在缴费通知单或以往发票上）或房屋地址：</p>
<ol><li>微信：关注公司服务公众号，进入“缴费”，输入户号后支付；</li><li>支付宝：生活缴费 → 暖气费，选择本公司，输入户号；</li>
<li>银行：合作银行网点柜台、手机银行代缴；</li><li>营业厅：现金、刷卡或扫码。</li></ol>
<p>网上缴费成功后即时到账，可以在公众号查询缴费记录、开具电子发票。</p>', '缴费', '缴费方式,交暖气费,交费,微信缴费,支付宝,银行,营业厅,网上缴费', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('payment-deadline', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '每年什么时候交暖气费，截止到哪天', '<p>公司每年在<strong>9月至11月</strong>集中收取下一采暖期的热费，具体起止日期以当年缴费公告为准，一般要求在正式供暖前（11月15日前）缴清。</p>
<ul><li>缴费期内缴费，供暖开始时自动供热；</li><li>超过缴费期仍未缴费的，按欠费处理；</li><li>全年任何时候都可以通过公众号、支付宝或营业厅缴费。</li></ul>', '缴费', '缴费时间,缴费期,截止日期,什么时候交,最晚,提前交', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('arrears', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '欠暖气费会怎么样，滞纳金怎么算', '<p>用户应按供用热合同约定按时缴纳热费。逾期未缴的：</p>
<ul><li>公司会通过短信、电话、书面通知催缴；</li><li>按合同约定可以收取违约金（滞纳金），标准以合同条款为准；</li>
<li>经催告后仍不缴纳的，公司可以按《山东省供热条例》和合同约定对该户采取限制供热措施，但不得影响相邻用户；</li><li>欠费记录会保留，补缴后恢复正常供热。</li></ul>
<p>用户确有困难的，可以说明情况，申请分期缴纳或困难补贴。</p>', '缴费', '欠费,未缴费,没交,滞纳金,违约金,停止供热,催缴', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('invoice', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '暖气费发票怎么开', '<p>暖气费发票有两种开具方式：</p><ul><li><strong>电子发票</strong>：网上缴费后在公众号“我的缴费”中点击“开具发票”，填写抬头（个人或单位名称、税号），发票发送到邮箱或手机；</li>
<li><strong>纸质发票</strong>：携带户号到营业厅开具。</li></ul>
<p>单位报销需要增值税专用发票的，请提供单位名称、税号、地址电话、开户行及账号。发票只能按实际缴费金额开具。</p>', '缴费', '发票,电子发票,开票,收据,报销,增值税发票', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('payment-query', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '怎么查有没有交暖气费、欠多少', '<p>查询缴费情况的方法：</p><ol><li>公众号“缴费查询”，输入户号或绑定房屋后查看各年度缴费和欠费；</li><li>拨打供热服务热线，坐席核实身份后告知；</li><li>到营业厅柜台查询打印。</li></ol>
<p>坐席核实身份时，请用户报户号、房屋地址和户主姓名；不向非户主和无关人员透露缴费信息。</p>', '缴费', '查询,缴费记录,欠费查询,交没交,户号,账单', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('subsidy', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '低保、困难家庭有没有暖气费补贴', '<p>城市低保户、特困人员等困难家庭可以享受供热补贴或减免，具体政策由当地民政和住建部门制定。办理方法：</p>
<ul><li>带户口簿、身份证、低保证或特困证明到社区（街道）申请；</li><li>审核通过后，补贴直接抵扣热费或发放到户；</li><li>公司营业厅可以代为解答当年政策。</li></ul>', '缴费', '补贴,低保,困难家庭,减免,优惠,特困,救助', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('suspend-heating', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '怎么办理报停（暂停供暖）', '<p>房屋长期无人居住、本采暖期不需要供暖的，可以申请<strong>报停</strong>：</p>
<ol><li>时间：一般在每年10月31日前办理，以当年公告为准；供暖开始后一般不再受理报停；</li>
<li>材料：户主身份证、房产证或购房合同，他人代办带委托书和代办人身份证；</li><li>地点：营业厅，或公众号“报停申请”线上提交；</li>
<li>维修人员上门关闭并铅封户内阀门，用户确认签字。</li></ol>
<p>报停期间请勿私自打开阀门；楼上楼下都在供暖，报停户室温一般也能保持在零度以上，但仍要做好防冻。</p>', '报停报开', '报停,停暖,停供,暂停供暖,不用暖气,空房,申请报停', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('suspend-fee', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '报停了还用交钱吗（基本热费）', '<p>按照山东省有关规定，办理报停的用户需要缴纳<strong>基本热费</strong>（也称空置费），标准一般为全额热费的一定比例（以当地价格部门规定为准，常见为20%～30%）。</p>
<p>原因：报停户的房屋仍然通过楼板、墙体获得相邻房间的热量，公共管网也要维持运行。</p><p>未办理报停手续的，按正常供暖全额收费。</p>', '报停报开', '报停收费,基本热费,空置费,报停交钱,停暖费用', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('resume-heating', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '报停以后怎么恢复供暖（报开）', '<p>报停用户需要恢复供暖的，办理<strong>报开</strong>：</p><ol><li>到营业厅或通过公众号申请，缴清本采暖期热费（已交基本热费的补交差额）；</li>
<li>公司安排维修人员上门拆除铅封、打开阀门、检查户内系统；</li><li>采暖期内申请的，一般在缴费后2个工作日内上门开通。</li></ol>
<p>长期停用的户内管道可能有空气或杂质，开通后如果不热，请按“放气”和“清洗过滤器”的方法处理，或报修。</p>', '报停报开', '恢复供暖,报开,开通,重新供暖,取消报停,开阀', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('online-service', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '网上能办哪些供暖业务（公众号）', '<p>关注公司服务公众号并绑定户号后，手机上可以办理：</p>
<ul><li>缴费、查询缴费记录、开电子发票；</li><li>报停、报开申请（需上传身份证、房产证照片）；</li><li>报修暖气不热、漏水（抢修请直接打电话）；</li><li>查看停热检修通知、供暖公告；</li><li>对服务进行评价和投诉。</li></ul>', '服务', '网上办理,公众号,微信,手机办理,线上,小程序,网上营业厅', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('radiator-not-warm', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '暖气不热怎么办：先自查这几步', '<p>用户反映暖气不热时，先问清楚是<strong>全部不热</strong>还是<strong>个别房间、个别暖气片不热</strong>，是<strong>整组都凉</strong>还是<strong>上热下凉</strong>，再引导用户自查：</p>
<ol><li>看阀门：进水阀、回水阀是否全部打开（手柄与管道平行为开）；</li><li>放空气：暖气片顶部放气阀放出空气，见水为止；</li><li>清洗过滤器：进户阀门后的过滤器堵了，全家都不热；</li><li>问邻居：同单元是否也不热——如果都不热，可能是管网或换热站的问题。</li></ol>
<p>自查后仍不热的，登记“暖气不热”报修工单，维修人员在承诺时限内上门。全楼、全小区不热的，先查看是否有停热或故障通知。</p>', '户内采暖', '暖气不热,不热,暖气片不热,不热乎,温度低,冰凉,不热怎么办,供暖不好', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('bleed-air', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '暖气片怎么放气（排气）', '<p>暖气片里有空气时，会出现暖气片不热、管道里有“咕噜咕噜”的流水声。放气方法：</p><ol>
<li>找到暖气片顶部一侧的放气阀（手动跑风或自动排气阀）；</li><li>准备一个容器和毛巾接水；</li><li>用螺丝刀或专用钥匙逆时针缓慢拧开半圈，听到“嘶嘶”的排气声；</li>
<li>等到有水连续流出、没有气泡时，顺时针拧紧。</li></ol>
<p>注意：管道里的水温度较高，小心烫伤；每次只放到出水即可，不要大量放水。顶层用户最容易积气，供暖初期可以多放几次。</p>', '户内采暖', '放气,排气,放空气,跑风,放风阀,咕噜,空气,气堵', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('valves', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '暖气阀门怎么开、怎么调', '<p>每户进户处有<strong>进水阀和回水阀</strong>，每组暖气片也可能有进、回水阀或温控阀：</p>
<ul><li>球阀：手柄与管道方向<strong>平行为开</strong>，垂直为关；</li><li>闸阀、截止阀：逆时针转到底为开；</li><li>温控阀：数字越大温度越高，调到最大为全开。</li></ul>
<p>供暖期内进户的进水阀、回水阀都要全开，不要用回水阀“调小”来控温，容易造成堵塞和不热。报停户的阀门有铅封，请勿私自打开。</p>', '户内采暖', '阀门,进水阀,回水阀,开关,调节,温控阀,手柄,阀门关了', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('filter-clean', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '暖气过滤器堵了怎么清洗', '<p>进户进水阀后面一般装有<strong>过滤器（Y型除污器）</strong>。过滤器堵了，会全家暖气都不热或很弱。清洗步骤：</p><ol>
<li>关闭进水阀和回水阀；</li><li>用扳手拧下过滤器下方的堵头，放出少量水，取出滤网；</li><li>用清水冲洗干净，不要损坏滤网；</li><li>装回滤网和堵头，先开回水阀再开进水阀，检查不漏水。</li></ol>
<p>用户不会操作或阀门拧不动的，可以报修，由维修人员上门清洗。</p>', '户内采暖', '过滤器,除污器,堵塞,清洗,杂质,堵了,全家不热', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('top-hot-bottom-cold', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '暖气片上面热下面凉是什么原因', '<p>暖气片<strong>上热下凉</strong>，说明热水进去了但循环不好，常见原因：</p><ul><li>回水阀没有开足，或被关小调温；</li><li>暖气片底部沉积了杂质、水垢；</li><li>暖气片的连接方式不合理（同侧下进下出），或者装修时改了管道；</li><li>楼内系统循环不足。</li></ul>
<p>处理：先把回水阀开到最大，放一次气；仍然下凉的，登记报修，维修人员上门检查是否需要冲洗暖气片或调整系统。</p>', '户内采暖', '上热下凉,上面热下面凉,下面凉,半截热,暖气片下凉,循环不好', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('partial-cold', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '个别房间或某一组暖气片不热', '<p>只有某一个房间、某一组暖气片不热，而家里其他暖气片正常，问题多在这一组暖气片本身：</p><ol>
<li>检查这一组的阀门或温控阀是否打开；</li><li>给这组暖气片放气；</li><li>这组暖气片是否离进户最远、或装修时被挪动、串联过多；</li><li>暖气片内部堵塞。</li></ol>
<p>自查后仍不热，登记报修，注明哪个房间、哪一组。</p>', '户内采暖', '个别不热,一个屋不热,卧室不热,一组不热,末端,单组,某个房间', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('too-hot', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '家里暖气太热了怎么调', '<p>室温过高时，可以用每组暖气片上的<strong>温控阀</strong>把刻度调小；没有温控阀的，可以适当关小某一组暖气片的进水阀。</p>
<ul><li>不要关小进户总阀或回水阀，以免影响循环和邻居供热；</li><li>不要长时间开窗散热，浪费能源，也容易冻坏管道；</li><li>按热计量收费的用户，调低温度可以节约热费。</li></ul>', '户内采暖', '太热,温度高,过热,调低温度,温控阀,太烫', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('leak-emergency', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '暖气漏水、跑水怎么办（应急处置）', '<p><strong>这是紧急情况，先告诉用户立即采取措施，同时马上登记抢修工单。</strong></p><ol>
<li>立即关闭进户的进水阀和回水阀（顺时针拧紧或手柄转到与管道垂直）；</li><li>只是一组暖气片漏，关这组暖气片两端的阀门；</li><li>切断漏水处附近的电源，防止触电；</li>
<li>用毛巾、盆接水，挪开贵重物品，通知楼下邻居；</li><li>热水温度高，注意防止烫伤。</li></ol>
<p>公司24小时抢修，接到抢修报告后按服务承诺的时限到达现场。楼道、地下室等公共部位跑水的，告知用户不要靠近，说清楚地点。</p>', '抢修应急', '漏水,跑水,爆管,暖气漏水,管道破裂,抢修,滴水,渗水,紧急', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('freeze-protection', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '冬天家里没人，暖气会不会冻坏，怎么防冻', '<p>采暖期内长时间外出时：</p><ul><li><strong>不要关闭暖气阀门</strong>，保持正常循环就不会冻；</li><li>关好门窗，尤其是厨房、阳台、卫生间有管道的地方；</li>
<li>报停户和空置房，户内管道水不流动，遇到严寒可能冻裂，可以申请放空户内系统或保持门窗严密；</li><li>发现管道结冰，不要用明火烤，及时报修。</li></ul>', '抢修应急', '防冻,冻坏,冻裂,出远门,长期不在家,结冰,冻管', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('water-release', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '能不能从暖气里放热水用', '<p><strong>不能。</strong>暖气里的水是经过处理的循环水，不是生活用水，含有防腐药剂，不能洗涮、饮用。按照《山东省供热条例》，用户不得擅自放取供热系统的水。</p>
<p>私自放水会造成系统失水、补水量增加、整楼暖气不热，公司发现后将按合同追究责任。放气时见水即停，不属于放水。</p>', '户内采暖', '放水,热水,用暖气水,私自放水,失水,偷水', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('floor-heating', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '地暖不热怎么办，分水器怎么调', '<p>地暖升温比暖气片慢，供暖初期需要1～3天地面才能完全热透，这期间温度低属于正常。地暖不热请用户检查：</p><ol>
<li><strong>分水器</strong>：每一路的阀门都打开，分水器上的排气阀排气；</li><li>分水器前的过滤器是否堵塞，定期清洗；</li><li>地面上铺了厚地毯、大面积家具会影响散热；</li><li>每一路回水温度差别很大，说明个别回路堵塞，需要清洗。</li></ol>
<p>自查后仍不热，登记报修，并说明是地暖。</p>', '地暖', '地暖,地热,地暖不热,分水器,集分水器,地暖阀门,地面不热', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('floor-heating-cleaning', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '地暖需要清洗吗，多久洗一次', '<p>地暖盘管内会沉积水垢和杂质，一般建议<strong>3～5年清洗一次</strong>，出现个别回路不热、整体升温慢时也应清洗。</p>
<ul><li>户内地暖属于用户自有设施，清洗由用户委托有资质的单位进行，费用由用户承担；</li><li>清洗宜在非采暖期进行；</li><li>清洗后注意把分水器阀门恢复全开，供暖前做好排气。</li></ul>', '地暖', '地暖清洗,地热清洗,盘管清洗,地暖堵塞,水垢', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('renovation', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '装修时能不能改暖气管道', '<p>户内采暖设施改动前，请先向公司<strong>报备</strong>，按规定施工：</p><ul><li>不得拆改、关闭或阻断公共立管和楼内共用管道；</li><li>不得擅自增加暖气片数量、改接地暖；</li>
<li>改动户内管道要使用合格的管材，施工后做打压试验；</li><li>暖气罩会影响散热，尽量不用密闭的罩子。</li></ul>
<p>擅自拆改造成不热、漏水或影响邻居的，由用户负责；室温不达标的，也不退费。装修宜在非采暖期进行。</p>', '装修与入网', '装修,改管道,改暖气,改造,拆改,包暖气,暖气罩,装修报备', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('move-radiator', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '想移动、更换暖气片怎么办', '<p>移动或更换暖气片属于户内采暖设施改造：</p><ol><li>向公司报备，说明改造内容；</li><li>在非采暖期施工，采暖期内需停水施工的，要提前申请；</li>
<li>新暖气片的散热量不能明显大于原设计，不得超量增加；</li><li>施工后通知公司检查、打压，合格后再开阀。</li></ol>
<p>费用由用户承担。改造后暖气不热或漏水的，责任由施工方和用户承担。</p>', '装修与入网', '移动暖气片,挪暖气片,换暖气片,更换,改位置,暖气片移位,新暖气片', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('new-connection', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '新用户怎么申请接入集中供热（入网）', '<p>未接入集中供热的房屋申请供暖：</p><ol><li>由用户（或开发商、物业）到营业厅提出申请，提供房产证明、身份证、户型图；</li><li>公司现场勘察，确认管网条件和户内设施；</li>
<li>签订《供用热合同》，按规定缴纳相关费用；</li><li>施工接入、验收合格后开户，分配供热户号，缴纳当期热费后供热。</li></ol>
<p>新建小区一般由开发商统一办理入网，业主收房后只需办理开户和缴费。</p>', '装修与入网', '入网,接入,新用户,开户,申请供暖,接暖气,开通暖气,办理供暖', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('first-heating', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '新房交房后第一次供暖要办什么（开栓）', '<p>新房业主第一次供暖需要办理<strong>开户开栓</strong>：</p><ol><li>带购房合同（或房产证）、身份证到营业厅开户，签订供用热合同；</li><li>缴纳本采暖期热费；</li>
<li>维修人员上门打开户内阀门（开栓）并检查；</li><li>装修中的房屋，请确认户内管道已打压合格、没有未封堵的接口。</li></ol>
<p>10月底前办理的，正式供暖时即可供热。</p>', '装修与入网', '新房,交房,开栓,首次供暖,第一次供暖,新小区,收房', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('trial-run', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '供暖前注水试压，家里要不要留人', '<p>正式供暖前，公司会对管网和楼内系统<strong>注水、打压、试运行</strong>，时间提前在小区张贴公告。</p><ul><li>注水期间请家里尽量留人，发现漏水及时关阀并拨打热线；</li>
<li>家里没人的，请提前关闭户内进、回水阀，并留下联系电话；</li><li>装修中、暖气片拆下的房屋一定要关好阀门，防止跑水。</li></ul>', '供暖时间', '注水,打压,试压,试运行,试水,留人,试供', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('service-commitment', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '报修后多长时间上门（服务承诺）', '<p>公司对供热服务作出如下承诺（以公司公布的服务标准为准）：</p><ul><li>热线接通后及时受理，抢修类（漏水、爆管）<strong>24小时</strong>受理，市区一般1小时内到达现场；</li>
<li>暖气不热等一般报修，与用户约定时间上门，一般在24小时内；</li><li>室温测温申请，在承诺时限内上门测温；</li><li>咨询类问题当场答复，不能当场答复的，在承诺时间内回复；</li><li>每一件工单处理完后回访。</li></ul>', '服务', '服务承诺,多长时间,上门时间,时限,多久到,报修时限,抢修时间', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('hotline-hours', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '供热服务热线几点有人接', '<p>供热服务热线在<strong>采暖期内24小时</strong>有人接听，受理报修、抢修、咨询和投诉；非采暖期，工作时间人工接听，其他时间抢修电话照常受理。</p>
<p>也可以通过公司公众号留言报修，或拨打12345政务服务热线反映问题，12345转来的诉求同样按时限办理。</p>', '服务', '热线,服务电话,客服电话,几点,上班时间,24小时,打电话', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('service-halls', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '营业厅在哪里，几点上班', '<p>各营业厅的地址和电话在公司公众号“服务网点”中查询。营业时间一般为：</p><ul><li>工作日 8:30—17:30（中午不休息）；</li><li>缴费高峰期（10月至11月）周末照常营业，以公告为准。</li></ul>
<p>缴费、查询、开发票等业务也可以在公众号上办理，不用跑营业厅。</p>', '服务', '营业厅,地址,办公时间,上班时间,下班时间,窗口,服务网点', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('complaint-channel', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '怎么投诉，投诉多长时间答复', '<p>用户对供热质量或服务不满意，可以通过以下渠道投诉：</p><ul><li>拨打供热服务热线，说明投诉内容；</li><li>公众号“投诉建议”；</li><li>12345政务服务热线。</li></ul>
<p>坐席先向用户致歉，耐心听完，记录清楚投诉对象、时间和诉求，登记投诉工单。公司在承诺时限内核实处理并答复用户，处理结果会回访。</p>', '服务', '投诉,不满意,意见,监督,举报,服务态度', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('repair-charges', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '上门维修要不要收费', '<p>收费与否看维修的部位：</p><ul><li>公共管网、楼内公共立管和户外阀门等<strong>公司负责维护的设施</strong>，维修不收费；</li><li>户内用户自有的暖气片、户内管道、阀门，上门检查、放气、清洗过滤器等简单服务一般不收费，更换材料的按公示价格收取材料费；</li>
<li>用户私自改装造成的故障，维修费用由用户承担。</li></ul><p>维修人员收费必须出示价格依据并开具票据。</p>', '服务', '收费,维修费,上门费,免费维修,材料费,修暖气要钱吗', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('responsibility-boundary', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '供热设施维修责任怎么划分（户内和户外）', '<p>一般以<strong>进户阀门</strong>为分界：</p><ul><li>进户阀门以外（包括进户阀门）的室外管网、楼内公共立管、楼道和地下室的管道，由供热企业维护维修；</li><li>进户阀门以内的户内管道、暖气片、地暖等，属于用户自有设施，由用户维护，公司可以提供有偿服务。</li></ul>
<p>楼道、地下室管道漏水的，登记抢修工单，由公司处理。具体分界以供用热合同约定为准。</p>', '服务', '产权,责任划分,公共管道,立管,楼道,户内户外,归谁管,谁修', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('pipe-noise', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '暖气管道有响声（异响）怎么办', '<p>常见的几种响声：</p><ul><li><strong>“咕噜咕噜”水流声</strong>：暖气片或管道里有空气，放气即可；</li><li><strong>“咔咔”“啪啪”声</strong>：供暖初期和水温变化时管道热胀冷缩，属正常现象；</li>
<li><strong>持续的“嗡嗡”声或撞击声</strong>：可能是阀门损坏、管道固定松动或水流过快，需要报修检查。</li></ul>', '户内采暖', '响声,异响,噪音,声音,咚咚响,哗哗响,管道响,嗡嗡', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('smell', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '暖气有异味是怎么回事', '<p>暖气有异味常见原因：</p><ul><li>新暖气片、新刷的漆第一次受热，有油漆味，通风几天会消失；</li><li>暖气片表面积灰受热产生焦味，擦拭干净即可；</li>
<li>放气时循环水有异味，属于循环水正常气味，不影响使用；</li><li>闻到燃气味、烧焦的电线味，与暖气无关，请立即开窗、离开并拨打燃气或电力抢修电话。</li></ul>', '户内采暖', '异味,怪味,味道,臭味,烧焦味,漆味,气味', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('heat-meter', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '热量表（热计量表）怎么看', '<p>热量表一般安装在进户管道上，显示屏可以轮流显示：</p><ul><li><strong>累计热量</strong>（单位kWh或GJ），用于计算计量热费；</li><li>瞬时流量、供水温度、回水温度；</li><li>运行时间和故障代码。</li></ul>
<p>热量表由公司统一安装维护。表不显示、数字不走或有故障代码的，报修处理，不要自行拆卸；铅封损坏的按合同处理。</p>', '计量', '热量表,热计量表,热表,读数,表坏了,表不走,计量', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('heat-meter-billing', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '按热计量收费是怎么算的', '<p>按热计量收费实行<strong>两部制热价</strong>：</p><ul><li>基本热费 = 供热面积 × 基本热价（约占总热费的30%～40%）；</li><li>计量热费 = 热量表计量的用热量 × 计量热价；</li>
<li>总热费 = 基本热费 + 计量热费，采暖期前按面积预交，结束后多退少补。</li></ul><p>具体价格以当地价格主管部门的规定为准。</p>', '计量', '热计量收费,按热计量,计量收费,两部制,基本热价,计量热价,按用量', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('change-account-holder', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '房子卖了或过户了，暖气户名怎么改', '<p>房屋产权变更后，请新业主办理供热户<strong>过户（更名）</strong>：</p><ol><li>带新房产证（或不动产登记证明）、新业主身份证到营业厅；</li><li>结清原户主的欠费（买卖双方自行约定由谁承担）；</li>
<li>与公司重新签订供用热合同，户号一般不变。</li></ol><p>未办理过户的，欠费仍记在原户名下，可能影响新业主办理报停等业务。</p>', '服务', '过户,更名,户名,换户主,卖房,买房,改名字,户主变更', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('outage-restoration', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '突然停暖了，多长时间恢复', '<p>小区或整栋楼突然停暖，多数是管网故障抢修或换热站设备故障。坐席先在系统中查看该地址的换热站是否有<strong>停热或故障记录</strong>：</p><ul><li>有记录的，告诉用户原因和预计恢复时间；</li>
<li>没有记录的，登记报修，注明整栋楼或整个小区不热，由调度核实。</li></ul><p>抢修恢复后，管道重新充水升温需要几个小时，房间回暖会慢一些。停热超过规定时间的，按规定核减热费。</p>', '抢修应急', '停暖,停热,突然停,故障停热,恢复供暖,多久恢复,全小区不热,整栋楼不热', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('planned-maintenance', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '计划检修停热会不会提前通知', '<p>因计划检修需要停止供热的，公司会<strong>提前24小时</strong>通过小区公告、短信和公众号通知受影响的用户，说明停热范围、原因和恢复时间；遇到紧急抢修来不及提前通知的，及时告知用户并尽快恢复。</p>', '抢修应急', '检修,计划停热,停热通知,维修停暖,提前通知,公告', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with a as (insert into knowledge_article (slug, published_version, created_by) values ('elderly-vulnerable', 1, 'system') returning id)
insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by, written_at, approved_by, approved_at, published_by, published_at)
select id, 1, '老人、残疾人等特殊群体有没有上门服务', '<p>对独居老人、残疾人、重病患者等行动不便的用户，公司提供<strong>优先上门服务</strong>：</p><ul><li>报修优先派单，上门时耐心说明；</li><li>缴费、报停等业务可以电话预约，由工作人员上门办理；</li>
<li>室温不达标的优先测温和整改；</li><li>坐席接听时语速放慢、声音清楚，复述确认地址和电话。</li></ul>', '服务', '老人,独居老人,残疾人,孕妇,特殊群体,上门服务,行动不便,优先', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now() from a;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['暖气', '供暖', '采暖', '供热', '暖气片', '散热器']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['不热', '温度低', '室温不达标', '不达标', '冰凉', '不暖和']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['报停', '停暖', '停供', '暂停供暖']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['报开', '恢复供暖', '取消报停']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['暖气费', '供暖费', '热费', '采暖费', '取暖费']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['交', '缴', '缴纳', '缴费', '交费']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['漏水', '跑水', '渗水', '滴水']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['爆管', '管道破裂', '爆了']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['放气', '排气', '放空气', '跑风']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['地暖', '地热', '地板采暖']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['过滤器', '除污器']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['响', '异响', '响声', '噪音']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['怪味', '异味', '臭味']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['热量表', '热表', '热计量表']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['过户', '更名', '户名']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['欠费', '没交', '未缴']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['挪', '移动', '移位']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['开栓', '开户']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['测温', '测室温', '测温度']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('SYNONYM', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['退费', '退钱', '赔偿']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('COLLOQUIAL', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['俺', '我']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('COLLOQUIAL', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['俺家', '我家']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('COLLOQUIAL', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['咋', '怎么']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('COLLOQUIAL', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['咋整', '怎么办', '咋办']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('COLLOQUIAL', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['啥', '什么']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('COLLOQUIAL', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['啥时候', '什么时候', '几时', '几号']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('COLLOQUIAL', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['不热乎', '不热和']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('COLLOQUIAL', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['来暖气', '供暖开始']) w;

with g as (insert into knowledge_synonym_group (kind, created_by) values ('COLLOQUIAL', 'system') returning id)
insert into knowledge_synonym_word (word, group_id) select w, g.id from g, unnest(array['屋里', '室内', '家里']) w;

insert into knowledge_change (what) values ('SEEDED');
