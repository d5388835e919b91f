namespace SiteGen.Init;

/// <summary>
/// The sample feed <c>sitegen init</c> writes: the feed format (two header lines, then one article per line,
/// math as <c>\( \)</c> and <c>\[ \]</c>), three articles, the last one an excerpt ending in "...".
/// </summary>
internal static class SampleFeeds
{
    public const string Chinese = """
        INCOMING TRANSMISSION

        LATEST UPDATES
        梯度下降 梯度下降是最常用的优化方法:沿损失函数的负梯度方向更新参数, \(\theta \leftarrow \theta - \eta \nabla_\theta L(\theta)\) ,其中 \(\eta\) 是学习率。学习率太大,损失会来回震荡甚至发散;太小,收敛又很慢。实践中常配合学习率预热和衰减使用。
        Softmax 与交叉熵 分类模型的最后一层通常是 softmax: \[p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}\] 配合交叉熵损失 \(L = -\sum_i y_i \log p_i\) ,损失对 \(z_i\) 的梯度恰好是 \(p_i - y_i\) ,既简洁又数值稳定。
        注意力机制 Transformer的核心是缩放点积注意力: \[\mathrm{Attention}(Q,K,V)=\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V\] 除以 \(\sqrt{d_k}\) 是为了让点积的方差不随维度 \(d_k\) 增大,否则 softmax 会进入梯度很小的饱和区...

        """;

    public const string ChineseTaxonomy = """
          优化: [梯度下降, 学习率, 优化器]
          Transformer: [Transformer, 注意力, Attention]
          分类: [softmax, 交叉熵]
        """;

    public const string English = """
        INCOMING TRANSMISSION

        LATEST UPDATES
        Gradient descent: the workhorse of training. Each step moves the parameters against the gradient of the loss, \(\theta \leftarrow \theta - \eta \nabla_\theta L(\theta)\), where \(\eta\) is the learning rate. Too large a rate makes the loss oscillate or diverge; too small a rate crawls, which is why schedules warm it up and then decay it.
        Softmax and cross-entropy: a classifier's last layer turns scores into probabilities, \[p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}\] and with the cross-entropy loss \(L = -\sum_i y_i \log p_i\) the gradient with respect to \(z_i\) is simply \(p_i - y_i\), which is both tidy and numerically stable.
        Attention: the heart of the Transformer is scaled dot-product attention, \[\mathrm{Attention}(Q,K,V)=\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V\] and the division by \(\sqrt{d_k}\) keeps the variance of the dot products from growing with \(d_k\), which would otherwise push the softmax into saturation...

        """;

    public const string EnglishTaxonomy = """
          Optimization: [gradient descent, learning rate, optimizer]
          Transformer: [Transformer, attention]
          Classification: [softmax, cross-entropy]
        """;
}
